import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { setWorkspaceTimeZone } from '../reminders.repo.ts';

/**
 * An admin sets the workspace's time zone: new reminder times are read in it (reminders already
 * scheduled keep the instant they were given).
 */
export async function setTimeZone(db: Db, actor: Actor, timeZone: string): Promise<{ timeZone: string }> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  await setWorkspaceTimeZone(db.kysely, actor.workspaceId, timeZone);
  return { timeZone };
}
