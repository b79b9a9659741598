import type { Actor } from '../auth/actor.ts';
import { AppError, fieldError } from '../platform/errors.ts';

type Viewer = Pick<Actor, 'role' | 'memberId'>;

/** Funnels and their stages are workspace settings: admins only. */
export function assertMayManageFunnels(actor: Pick<Actor, 'role'>): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/** Admins and supervisors see every deal; agents see the deals they own. */
export function seesAllDeals(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'supervisor';
}

export function canSeeDeal(viewer: Viewer, ownerMemberId: string | null): boolean {
  return seesAllDeals(viewer) || ownerMemberId === viewer.memberId;
}

/** Agents keep their deals: they cannot hand one to someone else or leave it without owner. */
export function assertMaySetOwner(viewer: Viewer, ownerId: string | null, field: string): void {
  if (!seesAllDeals(viewer) && ownerId !== viewer.memberId) {
    throw fieldError(field, 'agents can only own their deals themselves');
  }
}
