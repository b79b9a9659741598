import type { Actor } from '../auth/actor.ts';
import { canSeeConversation } from '../conversations/conversations.policy.ts';
import type { StoredEvent } from '../events/events.repo.ts';

/** The member an event is filtered for: their role as it stands now. */
export type Viewer = Pick<Actor, 'memberId' | 'role' | 'assignedOnly'>;

/** What a member gets for one stored event: the event, a removal notice, or nothing. */
export type Delivery = 'event' | 'removed' | 'none';

/**
 * Workspace-wide events (no conversation) go to everyone. A conversation's events go to those who
 * may see it under its owner; someone who could see it under the previous owner but no longer can
 * is told it was removed, so their inbox drops it.
 */
export function deliveryFor(
  viewer: Viewer,
  event: Pick<StoredEvent, 'conversationId' | 'ownerMemberId' | 'previousOwnerMemberId'>,
): Delivery {
  if (event.conversationId === null) return 'event';
  if (canSeeConversation(viewer, event.ownerMemberId)) return 'event';
  if (event.previousOwnerMemberId !== null && canSeeConversation(viewer, event.previousOwnerMemberId)) {
    return 'removed';
  }
  return 'none';
}
