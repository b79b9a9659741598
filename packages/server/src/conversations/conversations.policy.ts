import type { Actor } from '../auth/actor.ts';

/** Who may see which conversations, from the member's role and the customer's owner. */
export type ConversationScope =
  | { kind: 'all' }
  | { kind: 'own_or_unassigned'; memberId: string }
  | { kind: 'own'; memberId: string };

type Viewer = Pick<Actor, 'role' | 'assignedOnly' | 'memberId'>;

/** Admins and supervisors see everything; agents their own and unassigned chats, or only their own. */
export function conversationScope(viewer: Viewer): ConversationScope {
  if (viewer.role === 'admin' || viewer.role === 'supervisor') return { kind: 'all' };
  return viewer.assignedOnly
    ? { kind: 'own', memberId: viewer.memberId }
    : { kind: 'own_or_unassigned', memberId: viewer.memberId };
}

/** Whether a member may see a conversation whose customer is owned by `ownerMemberId`. */
export function canSeeConversation(viewer: Viewer, ownerMemberId: string | null): boolean {
  const scope = conversationScope(viewer);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'own_or_unassigned':
      return ownerMemberId === null || ownerMemberId === scope.memberId;
    case 'own':
      return ownerMemberId === scope.memberId;
  }
}

/** Supervisors read and add notes; only admins and agents write to customers. */
export function canSendToCustomer(viewer: Pick<Actor, 'role'>): boolean {
  return viewer.role !== 'supervisor';
}
