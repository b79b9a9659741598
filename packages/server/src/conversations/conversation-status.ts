import type { ConversationStatus } from '@charla/contracts';

export { isManualMoveAllowed } from '@charla/contracts/rules';

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
