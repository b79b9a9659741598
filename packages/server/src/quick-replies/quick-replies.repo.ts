import { sql } from 'kysely';
import type { QuickReplyTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type QuickReplyRow = QuickReplyTable;

function selectReplies(db: Executor, workspaceId: string) {
  return db
    .selectFrom('quick_replies')
    .leftJoin('media', 'media.id', 'quick_replies.media_id')
    .selectAll('quick_replies')
    .select(['media.mime_type as media_mime_type', 'media.file_name as media_file_name'])
    .where('quick_replies.workspace_id', '=', workspaceId);
}

export type QuickReplyView = Awaited<ReturnType<ReturnType<typeof selectReplies>['executeTakeFirstOrThrow']>>;

/**
 * The replies a member may use: their personal ones and the shared ones, by shortcut;
 * with `needle` only those whose normalised shortcut, title or text contains it.
 */
export async function listUsableReplies(
  db: Executor,
  workspaceId: string,
  memberId: string,
  needle?: string,
): Promise<QuickReplyView[]> {
  let query = selectReplies(db, workspaceId).where((eb) =>
    eb.or([
      eb('quick_replies.owner_member_id', 'is', null),
      eb('quick_replies.owner_member_id', '=', memberId),
    ]),
  );
  if (needle) {
    const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where(sql<boolean>`quick_replies.search_text like ${pattern} escape '\\'`);
  }
  return query.orderBy('quick_replies.shortcut').orderBy('quick_replies.id').limit(200).execute();
}

export async function findReply(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<QuickReplyView | undefined> {
  return selectReplies(db, workspaceId).where('quick_replies.id', '=', id).executeTakeFirst();
}

/** A reply with this shortcut in the same scope (the member's personal ones, or the shared ones). */
export async function findReplyByShortcut(
  db: Executor,
  workspaceId: string,
  ownerMemberId: string | null,
  shortcut: string,
): Promise<QuickReplyRow | undefined> {
  return db
    .selectFrom('quick_replies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      ownerMemberId === null ? eb('owner_member_id', 'is', null) : eb('owner_member_id', '=', ownerMemberId),
    )
    .where('shortcut', '=', shortcut)
    .executeTakeFirst();
}

export async function insertReply(db: Executor, row: QuickReplyRow): Promise<void> {
  await db.insertInto('quick_replies').values(row).execute();
}

export async function updateReply(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<
    Pick<QuickReplyRow, 'shortcut' | 'title' | 'body' | 'media_id' | 'search_text' | 'updated_at'>
  >,
): Promise<void> {
  await db
    .updateTable('quick_replies')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteReply(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('quick_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
