import type { ActivityAction, ChannelType, ConversationStatus, MessageContent } from '@charla/contracts';
import { previewOf } from '../conversations/conversations.presenter.ts';
import type { ConversationTable, MessageReactionTable, MessageTable } from '../db/schema.ts';
import { newId } from '../platform/ids.ts';
import {
  botReplyContent,
  inboundContent,
  memberReplyContent,
  noteContent,
  type SeedContent,
} from './seed-content.ts';
import type { SeedPerson } from './seed-people.ts';
import type { Random } from './seed-random.ts';
import { SEND_ERRORS } from './seed-texts.ts';

/** Unique provider and client ids for one seed run: a random salt plus a counter. */
export class SeedSequence {
  private counter = 0;
  constructor(private readonly salt: string) {}

  /** The next unique suffix. */
  next(): string {
    this.counter += 1;
    return `${this.salt}${this.counter.toString(36).padStart(7, '0')}`;
  }
}

/** One conversation to write: who, where, how many messages, and how it stands now. */
export interface ThreadPlan {
  conversationId: string;
  workspaceId: string;
  channel: { id: string; type: ChannelType };
  person: SeedPerson;
  messages: number;
  status: ConversationStatus;
  ownerId: string | null;
  /** When the last message of the thread was written. */
  endAt: number;
  /** No message is older than this (the start of the seeded period). */
  earliestAt: number;
  now: number;
}

/** Members a thread can mention: repliers, and who assigns and resolves. */
export interface ThreadCast {
  agents: readonly string[];
  managers: readonly string[];
}

/** A generated thread and the conversation columns that must agree with it. */
export interface SeededThread {
  messages: MessageTable[];
  reactions: MessageReactionTable[];
  conversation: Pick<
    ConversationTable,
    | 'unread_count'
    | 'last_activity_at'
    | 'last_inbound_at'
    | 'last_message_preview'
    | 'last_message_kind'
    | 'last_message_direction'
    | 'last_message_state'
    | 'last_message_id'
    | 'created_at'
    | 'updated_at'
  >;
}

type Slot = 'in' | 'out' | 'note' | 'activity';

const PROVIDER_PREFIX: Record<ChannelType, string> = {
  whatsapp: 'wamid.HBgN',
  messenger: 'm_',
  instagram: 'aWdfZAG1f',
};

/** Who speaks when: the customer opens, replies alternate in runs, with notes and activity lines. */
function planSlots(rng: Random, plan: ThreadPlan): Slot[] {
  const n = plan.messages;
  const slots: Slot[] = ['in'];
  for (let i = 1; i < n; i += 1) {
    const previous = slots[i - 1] === 'out' ? 'out' : 'in';
    slots.push(
      rng.weighted<Slot>(
        previous === 'in'
          ? [
              ['in', 45],
              ['out', 50],
              ['note', 3],
              ['activity', 2],
            ]
          : [
              ['in', 58],
              ['out', 36],
              ['note', 4],
              ['activity', 2],
            ],
      ),
    );
  }
  if (plan.ownerId && n >= 4) slots[1] = 'activity';
  if (plan.status === 'new' || plan.status === 'open') {
    const trailing = Math.min(n - 1, rng.int(1, 3));
    for (let i = n - trailing; i < n; i += 1) slots[i] = 'in';
  }
  if (plan.status === 'pending' && n >= 2 && !slots.includes('out')) slots[n - 1] = 'out';
  if (plan.status === 'resolved' && n >= 3) slots[n - 1] = 'activity';
  return slots;
}

/** Message times: quick exchanges, pauses of hours, gaps of days; squeezed into the seeded period. */
function planTimes(rng: Random, plan: ThreadPlan): number[] {
  const n = plan.messages;
  const gaps: number[] = [];
  let total = 0;
  for (let i = 1; i < n; i += 1) {
    const roll = rng.next();
    const gap =
      roll < 0.7
        ? rng.int(5_000, 300_000)
        : roll < 0.95
          ? rng.int(300_000, 3 * 3_600_000)
          : rng.int(3 * 3_600_000, 7 * 86_400_000);
    gaps.push(gap);
    total += gap;
  }
  const room = plan.endAt - plan.earliestAt;
  const scale = total > room ? room / total : 1;
  const times = new Array<number>(n);
  let at = plan.endAt;
  times[n - 1] = at;
  for (let i = n - 2; i >= 0; i -= 1) {
    at -= Math.floor((gaps[i] ?? 0) * scale);
    times[i] = at;
  }
  return times;
}

/**
 * Writes a plausible thread for a plan and derives the conversation's denormalised columns from
 * it exactly as the commands would have left them: the last customer or member message (notes
 * and activity lines do not move the list), the last inbound time, and the unread count.
 */
export function seedThread(
  rng: Random,
  sequence: SeedSequence,
  plan: ThreadPlan,
  cast: ThreadCast,
): SeededThread {
  const slots = planSlots(rng, plan);
  const times = planTimes(rng, plan);
  const messages: MessageTable[] = [];
  const reactions: MessageReactionTable[] = [];
  let lastOutboundId: string | null = null;
  let status: ConversationStatus = 'new';

  slots.forEach((slot, index) => {
    const at = times[index] ?? plan.endAt;
    const laterInbound = slots.indexOf('in', index + 1) !== -1;
    const row = messageRow(rng, sequence, plan, cast, { slot, at, index, laterInbound, status });
    if (slot === 'in' && lastOutboundId && rng.chance(0.04)) row.reply_to_message_id = lastOutboundId;
    if (slot === 'out') {
      lastOutboundId = row.id;
      if (row.author_type === 'member') status = 'pending';
      if (row.delivery_state === 'read' && rng.chance(0.03)) {
        reactions.push({
          message_id: row.id,
          workspace_id: plan.workspaceId,
          reactor: 'customer',
          emoji: rng.pick(['👍', '❤️', '🙏', '😂']),
          created_at: Math.min(plan.now, at + rng.int(10_000, 600_000)),
        });
      }
    }
    messages.push(row);
  });

  return { messages, reactions, conversation: denormalised(plan, slots, messages) };
}

interface SlotContext {
  slot: Slot;
  at: number;
  index: number;
  laterInbound: boolean;
  /** The conversation's status just before this message (for activity lines). */
  status: ConversationStatus;
}

function messageRow(
  rng: Random,
  sequence: SeedSequence,
  plan: ThreadPlan,
  cast: ThreadCast,
  { slot, at, index, laterInbound, status }: SlotContext,
): MessageTable {
  const base = {
    id: newId(),
    workspace_id: plan.workspaceId,
    conversation_id: plan.conversationId,
    channel_id: plan.channel.id,
    reply_to_message_id: null,
    error_code: null,
    error_detail: null,
    created_at: at,
    updated_at: at,
  };
  const columns = (content: SeedContent) => ({
    kind: content.kind,
    body: content.body,
    content: JSON.stringify(content.content),
    attachments: JSON.stringify(content.attachments),
  });
  const providerId = () => `${PROVIDER_PREFIX[plan.channel.type]}${sequence.next()}`;

  switch (slot) {
    case 'in':
      return {
        ...base,
        ...columns(inboundContent(rng, plan.channel.type, plan.person)),
        direction: 'inbound',
        provider_message_id: providerId(),
        client_id: null,
        delivery_state: null,
        author_type: 'customer',
        author_member_id: null,
      };
    case 'out': {
      const author = outboundAuthor(rng, plan, cast);
      const content =
        author.type === 'bot'
          ? botReplyContent(rng, plan.person.language)
          : memberReplyContent(rng, plan.channel.type, plan.person);
      const state = author.type === 'external' ? 'sent' : deliveryState(rng, plan.now - at, laterInbound);
      const error = state === 'failed' ? rng.pick(SEND_ERRORS) : null;
      return {
        ...base,
        ...columns(content),
        direction: 'outbound',
        provider_message_id: state === 'queued' ? null : providerId(),
        client_id: author.type === 'member' ? `seed-${sequence.next()}` : null,
        delivery_state: state,
        error_code: error?.code ?? null,
        error_detail: error?.detail ?? null,
        author_type: author.type,
        author_member_id: author.type === 'member' ? author.memberId : null,
        updated_at: state === 'queued' ? at : Math.min(plan.now, at + rng.int(1_000, 900_000)),
      };
    }
    case 'note':
      return {
        ...base,
        ...columns(noteContent(rng, plan.person.language)),
        direction: 'internal',
        provider_message_id: null,
        client_id: `seed-${sequence.next()}`,
        delivery_state: null,
        author_type: 'member',
        author_member_id: plan.ownerId ?? rng.pick(cast.managers),
      };
    case 'activity': {
      const resolving = index === plan.messages - 1 && plan.status === 'resolved';
      const content = activityContent(rng, plan, cast, index, resolving, status);
      return {
        ...base,
        ...columns({ kind: 'activity', body: null, content, attachments: [] }),
        direction: 'internal',
        provider_message_id: null,
        client_id: null,
        delivery_state: null,
        author_type: 'member',
        author_member_id: resolving ? (plan.ownerId ?? rng.pick(cast.managers)) : rng.pick(cast.managers),
      };
    }
  }
}

type OutboundAuthor = { type: 'member'; memberId: string } | { type: 'bot' } | { type: 'external' };

/** Unassigned chats are answered only by the bot (a member's reply would have claimed them). */
function outboundAuthor(rng: Random, plan: ThreadPlan, cast: ThreadCast): OutboundAuthor {
  if (!plan.ownerId) return { type: 'bot' };
  const roll = rng.next();
  if (roll < 0.88) return { type: 'member', memberId: plan.ownerId };
  if (roll < 0.94) return { type: 'member', memberId: rng.pick(cast.agents) };
  if (roll < 0.97) return { type: 'bot' };
  return { type: 'external' };
}

/** Older messages the customer answered were read; the latest ones may still be on their way. */
function deliveryState(rng: Random, age: number, laterInbound: boolean): MessageTable['delivery_state'] {
  if (laterInbound) {
    return rng.weighted<MessageTable['delivery_state']>([
      ['read', 85],
      ['delivered', 13],
      ['failed', 2],
    ]);
  }
  if (age < 3_600_000 && rng.chance(0.2)) return 'queued';
  return rng.weighted<MessageTable['delivery_state']>([
    ['read', 50],
    ['delivered', 30],
    ['sent', 14],
    ['failed', 6],
  ]);
}

function activityContent(
  rng: Random,
  plan: ThreadPlan,
  cast: ThreadCast,
  index: number,
  resolving: boolean,
  status: ConversationStatus,
): Extract<MessageContent, { kind: 'activity' }> {
  if (resolving) {
    return { kind: 'activity', action: 'status_changed', memberId: null, from: status, to: 'resolved' };
  }
  if (index === 1 && plan.ownerId) {
    return { kind: 'activity', action: 'assigned', memberId: plan.ownerId, from: null, to: null };
  }
  const action = rng.weighted<ActivityAction>([
    ['status_changed', 5],
    ['bot_disabled', 3],
    ['assigned', 2],
  ]);
  if (action === 'status_changed') {
    return { kind: 'activity', action, memberId: null, from: 'new', to: 'open' };
  }
  if (action === 'assigned') {
    return {
      kind: 'activity',
      action,
      memberId: plan.ownerId ?? rng.pick(cast.agents),
      from: null,
      to: null,
    };
  }
  return { kind: 'activity', action, memberId: null, from: null, to: null };
}

/** The conversation columns as the commands keep them, derived from the finished thread. */
function denormalised(plan: ThreadPlan, slots: readonly Slot[], messages: readonly MessageTable[]) {
  const listed = messages.filter((message) => message.direction !== 'internal');
  const last = listed.at(-1);
  const first = messages[0];
  if (!last || !first) throw new Error('a seeded thread starts with a customer message');
  const inbound = messages.filter((message) => message.direction === 'inbound');
  const lastOut = slots.lastIndexOf('out');
  const waiting = slots.filter((slot, index) => slot === 'in' && index > lastOut).length;
  const unread =
    plan.status === 'new' ? Math.max(1, waiting) : plan.status === 'pending' && waiting > 0 ? waiting : 0;
  return {
    unread_count: unread,
    last_activity_at: last.created_at,
    last_inbound_at: inbound.at(-1)?.created_at ?? null,
    last_message_preview: previewOf(last.kind, last.body),
    last_message_kind: last.kind,
    last_message_direction: last.direction,
    last_message_state: last.delivery_state,
    last_message_id: last.id,
    created_at: first.created_at,
    updated_at: messages.at(-1)?.created_at ?? last.created_at,
  };
}
