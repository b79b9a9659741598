import type { MediaTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type MediaRow = MediaTable;

export async function insertMedia(db: Executor, row: MediaRow): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function findMedia(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<MediaRow | undefined> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
