import type { Message } from '@charla/contracts';

/** One row of the virtualised thread: a day separator, or a message. */
export type ThreadRow =
  | { type: 'day'; key: string; dayStart: number }
  | { type: 'message'; key: string; message: Message; firstOfGroup: boolean };

/** Messages by the same author within this long of each other are drawn as one group. */
const GROUP_GAP_MS = 5 * 60_000;

/** Local midnight of the day a timestamp falls on (the reader's time zone). */
export function startOfLocalDay(timestamp: number): number {
  const day = new Date(timestamp);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

function authorKey(message: Message): string {
  if (message.direction === 'internal') return `internal:${message.kind}`;
  const { author } = message;
  return author.type === 'member'
    ? `${message.direction}:member:${author.memberId}`
    : `${message.direction}:${author.type}`;
}

/**
 * A reaction whose target is loaded shows on that message instead of as a row of its own;
 * one whose target is unknown (an older page, or a message we never stored) keeps its row.
 */
function isShownOnTarget(message: Message, loadedIds: ReadonlySet<string>): boolean {
  return (
    message.content.kind === 'reaction' &&
    message.content.targetMessageId !== null &&
    loadedIds.has(message.content.targetMessageId)
  );
}

/**
 * The thread as rows, oldest first: a separator before each new local day, and each message
 * marked when it starts a group (a new author, a new day, or a pause of more than five minutes).
 */
export function buildThreadRows(messages: readonly Message[]): ThreadRow[] {
  const loadedIds = new Set(messages.map((message) => message.id));
  const rows: ThreadRow[] = [];
  let previous: Message | null = null;
  let currentDay: number | null = null;
  for (const message of messages) {
    if (isShownOnTarget(message, loadedIds)) continue;
    const day = startOfLocalDay(message.createdAt);
    const newDay = day !== currentDay;
    if (newDay) {
      rows.push({ type: 'day', key: `day:${day}`, dayStart: day });
      currentDay = day;
    }
    const firstOfGroup =
      newDay ||
      previous === null ||
      authorKey(previous) !== authorKey(message) ||
      message.createdAt - previous.createdAt > GROUP_GAP_MS ||
      message.kind === 'activity';
    rows.push({ type: 'message', key: message.id, message, firstOfGroup });
    previous = message;
  }
  return rows;
}

/** Merges a page or live messages into the thread: one copy per id (or clientId), oldest first. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byKey = new Map<string, Message>();
  const keyOf = (message: Message) => (message.clientId ? `c:${message.clientId}` : `i:${message.id}`);
  for (const message of current) byKey.set(keyOf(message), message);
  for (const message of incoming) {
    const existing = byKey.get(keyOf(message));
    if (!existing || isNewerCopy(existing, message)) byKey.set(keyOf(message), message);
  }
  return [...byKey.values()].sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
}

/** Ids of messages shown before the server has them (the composer's optimistic copies). */
export const PENDING_ID_PREFIX = 'pending:';

/**
 * The server's copy replaces the optimistic one, never the other way round; between two server
 * copies the later update wins, so a late page or a replayed event never moves a tick back.
 */
function isNewerCopy(existing: Message, incoming: Message): boolean {
  const existingPending = existing.id.startsWith(PENDING_ID_PREFIX);
  const incomingPending = incoming.id.startsWith(PENDING_ID_PREFIX);
  if (existingPending !== incomingPending) return existingPending;
  return incoming.updatedAt >= existing.updatedAt;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
