import type { ChannelTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type ChannelRow = ChannelTable;

export async function insertChannel(db: Executor, row: ChannelRow): Promise<void> {
  await db.insertInto('channels').values(row).execute();
}

export async function findChannel(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ChannelRow | undefined> {
  return db
    .selectFrom('channels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listChannels(db: Executor, workspaceId: string): Promise<ChannelRow[]> {
  return db
    .selectFrom('channels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
}

/** The channel a webhook event is for: a WhatsApp phone_number_id, a Page id or an IG account id. */
export async function findChannelByExternalId(
  db: Executor,
  type: ChannelRow['type'],
  externalId: string,
): Promise<ChannelRow | undefined> {
  return db
    .selectFrom('channels')
    .selectAll()
    .where('type', '=', type)
    .where((eb) =>
      eb.or([
        eb('external_id', '=', externalId),
        ...(type === 'instagram' ? [eb('account_id', '=', externalId)] : []),
      ]),
    )
    .where('active', '=', 1)
    .executeTakeFirst();
}
