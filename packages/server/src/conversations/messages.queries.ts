import type { Message } from '@charla/contracts';
import type { Executor } from '../db/transaction.ts';

/** Messages with their author's name and the quoted message's preview, in one query. */
export function selectMessageViews(db: Executor) {
  return db
    .selectFrom('messages')
    .leftJoin('members as author', 'author.id', 'messages.author_member_id')
    .leftJoin('messages as quoted', 'quoted.id', 'messages.reply_to_message_id')
    .selectAll('messages')
    .select(['author.name as author_name', 'quoted.body as reply_preview']);
}

export type MessageViewRow = Awaited<
  ReturnType<ReturnType<typeof selectMessageViews>['executeTakeFirstOrThrow']>
>;

/**
 * A page of a thread, newest first from `before` (exclusive), by (created_at, id) so it pages
 * without gaps or repeats even when many messages share a millisecond.
 */
export async function listThreadPage(
  db: Executor,
  conversationId: string,
  before: { at: number; id: string } | null,
  limit: number,
): Promise<{ rows: MessageViewRow[]; hasMore: boolean }> {
  let query = selectMessageViews(db).where('messages.conversation_id', '=', conversationId);
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('messages.created_at', '<', before.at),
        eb.and([eb('messages.created_at', '=', before.at), eb('messages.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
}

export async function findMessageView(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<MessageViewRow | undefined> {
  return selectMessageViews(db)
    .where('messages.workspace_id', '=', workspaceId)
    .where('messages.id', '=', id)
    .executeTakeFirst();
}

/** Reactions of several messages in one query. */
export async function reactionsOf(
  db: Executor,
  messageIds: readonly string[],
): Promise<Map<string, Message['reactions']>> {
  const byMessage = new Map<string, Message['reactions']>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .selectFrom('message_reactions')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .execute();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push(
      row.reactor === 'customer'
        ? { emoji: row.emoji, by: 'customer', memberId: null }
        : { emoji: row.emoji, by: 'member', memberId: row.reactor },
    );
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}
