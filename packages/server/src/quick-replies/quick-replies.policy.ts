import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';

/** Shared replies speak for the whole team: admins and supervisors create and change them. */
export function mayManageShared(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor';
}

/** A personal reply is its owner's alone; a shared one is for admins and supervisors to change. */
export function assertMayChangeReply(
  actor: Pick<Actor, 'role' | 'memberId'>,
  reply: { owner_member_id: string | null },
): void {
  const allowed =
    reply.owner_member_id === null ? mayManageShared(actor) : reply.owner_member_id === actor.memberId;
  if (!allowed) throw new AppError('FORBIDDEN');
}
