import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';

/** Only admins create, edit and deactivate members and manage API keys. */
export function assertCanManageWorkspace(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}
