import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';

/**
 * Renaming, recolouring, merging and deleting change every customer's tags at once: admins
 * only. Any member may create a tag and tag the customers they can see.
 */
export function assertMayManageTags(actor: Pick<Actor, 'role'>): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}
