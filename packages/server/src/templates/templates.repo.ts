import type { MessageTemplateTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type MessageTemplateRow = MessageTemplateTable;

export async function listTemplates(
  db: Executor,
  workspaceId: string,
  channelId: string,
): Promise<MessageTemplateRow[]> {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('channel_id', '=', channelId)
    .orderBy('name')
    .orderBy('language')
    .execute();
}

export async function findTemplate(
  db: Executor,
  channelId: string,
  name: string,
  language: string,
): Promise<MessageTemplateRow | undefined> {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('name', '=', name)
    .where('language', '=', language)
    .executeTakeFirst();
}

/** Replaces a channel's templates with what Meta lists now. */
export async function replaceTemplates(
  db: Executor,
  channelId: string,
  rows: MessageTemplateRow[],
): Promise<void> {
  await db.deleteFrom('message_templates').where('channel_id', '=', channelId).execute();
  for (let start = 0; start < rows.length; start += 100) {
    await db
      .insertInto('message_templates')
      .values(rows.slice(start, start + 100))
      .execute();
  }
}
