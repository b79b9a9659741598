import type { Executor } from '../../db/transaction.ts';
import { type InboxWriter, recordMessageUpdated } from '../conversations.events.ts';
import { findMessageByProviderId, updateMessageRow } from '../conversations.repo.ts';

async function ownerOf(trx: Executor, conversationId: string) {
  const row = await trx
    .selectFrom('conversations')
    .select('owner_member_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row?.owner_member_id ?? null;
}

/**
 * A customer's reaction attaches to its message (one per reactor; an empty emoji removes it), in
 * the caller's transaction. Returns false when the target message is unknown.
 */
export async function applyReaction(
  writer: InboxWriter,
  input: { channelId: string; targetProviderId: string; emoji: string; at: number },
  now: number,
): Promise<boolean> {
  const { trx } = writer;
  const target = await findMessageByProviderId(trx, input.channelId, input.targetProviderId);
  if (!target) return false;
  const owner = await ownerOf(trx, target.conversation_id);
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
    { ...writer, workspaceId: target.workspace_id, now },
    target.conversation_id,
    owner,
    target.id,
  );
  return true;
}

/**
 * The customer unsent or edited a message: the stored one changes in place, never duplicated (in
 * the caller's transaction). Returns false when the message is unknown.
 */
export async function applyMessageChange(
  writer: InboxWriter,
  input: { channelId: string; providerMessageId: string; change: 'deleted' | 'edited'; text: string | null },
  now: number,
): Promise<boolean> {
  const { trx } = writer;
  const message = await findMessageByProviderId(trx, input.channelId, input.providerMessageId);
  if (!message) return false;
  const owner = await ownerOf(trx, message.conversation_id);
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
    { ...writer, workspaceId: message.workspace_id, now },
    message.conversation_id,
    owner,
    message.id,
  );
  return true;
}
