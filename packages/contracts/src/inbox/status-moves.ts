import type { ConversationStatus } from './conversations.schema.ts';

const ORDER: Record<ConversationStatus, number> = { new: 0, open: 1, pending: 2, resolved: 3 };
const STATUSES = Object.keys(ORDER) as ConversationStatus[];

/**
 * The moves a member may make by hand: forward (new → open → pending → resolved, skipping
 * allowed), and resolved → pending to reopen. Never back to new or open by hand.
 * Shared by the server (which enforces it) and the status menu (which offers only these).
 */
export function isManualMoveAllowed(from: ConversationStatus, to: ConversationStatus): boolean {
  if (from === to) return false;
  if (from === 'resolved') return to === 'pending';
  return ORDER[to] > ORDER[from];
}

/** Every status a member may move a conversation to by hand from `from`, in order. */
export function manualMovesFrom(from: ConversationStatus): ConversationStatus[] {
  return STATUSES.filter((to) => isManualMoveAllowed(from, to));
}
