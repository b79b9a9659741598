import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordMessageUpdated } from '../conversations.events.ts';
import { findMessageByProviderId, updateMessageRow } from '../conversations.repo.ts';

async function ownerOf(db: Db, conversationId: string) {
  const row = await db.kysely
    .selectFrom('conversations')
    .select('owner_member_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row?.owner_member_id ?? null;
}

/**
 * A customer's reaction attaches to its message (one per reactor; an empty emoji removes it).
 * Returns false when the target message is unknown.
 */
export async function applyReaction(
  db: Db,
  input: { channelId: string; targetProviderId: string; emoji: string; at: number },
  now: number,
): Promise<boolean> {
  const target = await findMessageByProviderId(db.kysely, input.channelId, input.targetProviderId);
  if (!target) return false;
  const owner = await ownerOf(db, target.conversation_id);
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('message_reactions')
      .where('message_id', '=', target.id)
      .where('reactor', '=', 'customer')
      .execute();
    if (input.emoji) {
      await trx
        .insertInto('message_reactions')
        .values({
          message_id: target.id,
          workspace_id: target.workspace_id,
          reactor: 'customer',
          emoji: input.emoji,
          created_at: input.at,
        })
        .execute();
    }
    await recordMessageUpdated(
      { trx, engine: db.engine, workspaceId: target.workspace_id, now },
      target.conversation_id,
      owner,
      target.id,
    );
  });
  return true;
}

/** The customer unsent or edited a message: the stored one changes in place, never duplicated. */
export async function applyMessageChange(
  db: Db,
  input: { channelId: string; providerMessageId: string; change: 'deleted' | 'edited'; text: string | null },
  now: number,
): Promise<boolean> {
  const message = await findMessageByProviderId(db.kysely, input.channelId, input.providerMessageId);
  if (!message) return false;
  const owner = await ownerOf(db, message.conversation_id);
  await inTransaction(db, async (trx) => {
    await updateMessageRow(
      trx,
      message.id,
      input.change === 'deleted'
        ? {
            kind: 'deleted',
            body: null,
            content: JSON.stringify({ kind: 'deleted' }),
            attachments: '[]',
            updated_at: now,
          }
        : { body: input.text, updated_at: now },
    );
    await recordMessageUpdated(
      { trx, engine: db.engine, workspaceId: message.workspace_id, now },
      message.conversation_id,
      owner,
      message.id,
    );
  });
  return true;
}
