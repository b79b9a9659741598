import type { ConversationStatus } from '@charla/contracts';

const ORDER: Record<ConversationStatus, number> = { new: 0, open: 1, pending: 2, resolved: 3 };

/**
 * The moves a member may make by hand: forward (new → open → pending → resolved, skipping
 * allowed), and resolved → pending to reopen. Never back to new or open by hand.
 */
export function isManualMoveAllowed(from: ConversationStatus, to: ConversationStatus): boolean {
  if (from === to) return false;
  if (from === 'resolved') return to === 'pending';
  return ORDER[to] > ORDER[from];
}

/** A member opened the chat: new → open. */
export function statusAfterOpened(current: ConversationStatus): ConversationStatus {
  return current === 'new' ? 'open' : current;
}

/** A member replied: new/open → pending; pending and resolved stay. */
export function statusAfterMemberReply(current: ConversationStatus): ConversationStatus {
  return current === 'new' || current === 'open' ? 'pending' : current;
}

/** The customer wrote: a resolved conversation comes back as new (unless they are blocked). */
export function statusAfterInbound(
  current: ConversationStatus,
  customerBlocked: boolean,
): ConversationStatus {
  return current === 'resolved' && !customerBlocked ? 'new' : current;
}
