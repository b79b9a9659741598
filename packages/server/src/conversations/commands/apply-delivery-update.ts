import type { DeliveryState } from '@charla/contracts';
import { type InboxWriter, recordMessageUpdated } from '../conversations.events.ts';
import { findMessageByProviderId, updateConversationRow, updateMessageRow } from '../conversations.repo.ts';

const RANK: Record<DeliveryState, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Whether a delivery state may replace another: only forward (queued < sent < delivered <
 * read). `failed` replaces queued or sent only; once delivered or read, a late failure is noise.
 */
export function isForwardMove(from: DeliveryState | null, to: DeliveryState): boolean {
  if (from === null) return true;
  if (to === 'failed') return from === 'queued' || from === 'sent';
  if (from === 'failed') return false;
  return RANK[to] > RANK[from];
}

/**
 * A status webhook for a message we sent: moves its delivery state forward only, keeping the
 * failure code and reason, in the caller's transaction. Returns false when the message is not
 * known (yet).
 */
export async function applyDeliveryStatus(
  writer: InboxWriter,
  input: {
    channelId: string;
    providerMessageId: string;
    state: DeliveryState;
    errorCode: string | null;
    errorDetail: string | null;
    /** Our message id echoed by WhatsApp: matches a send whose answer was lost. */
    callbackData?: string | null;
  },
  now: number,
): Promise<boolean> {
  const { trx } = writer;
  let message = await findMessageByProviderId(trx, input.channelId, input.providerMessageId);
  if (!message && input.callbackData) {
    const mine = await trx
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', input.callbackData)
      .where('channel_id', '=', input.channelId)
      .where('provider_message_id', 'is', null)
      .executeTakeFirst();
    if (mine) {
      await updateMessageRow(trx, mine.id, {
        provider_message_id: input.providerMessageId,
        updated_at: now,
      });
      message = { ...mine, provider_message_id: input.providerMessageId };
    }
  }
  if (!message) return false;
  // Compare-and-set: another transaction (another node on PostgreSQL) may move the same message
  // between our read and our write; then judge the move again against what it wrote.
  for (;;) {
    if (!isForwardMove(message.delivery_state, input.state)) return true;
    const seen = message.delivery_state;
    const moved = await trx
      .updateTable('messages')
      .set({
        delivery_state: input.state,
        ...(input.state === 'failed' ? { error_code: input.errorCode, error_detail: input.errorDetail } : {}),
        updated_at: now,
      })
      .where('id', '=', message.id)
      .where((eb) => (seen === null ? eb('delivery_state', 'is', null) : eb('delivery_state', '=', seen)))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 1) break;
    message = await trx
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
  }
  const conversation = await trx
    .selectFrom('conversations')
    .select(['id', 'owner_member_id', 'last_message_id'])
    .where('id', '=', message.conversation_id)
    .executeTakeFirstOrThrow();
  if (conversation.last_message_id === message.id) {
    await updateConversationRow(trx, conversation.id, { last_message_state: input.state, updated_at: now });
  }
  await recordMessageUpdated(
    { ...writer, workspaceId: message.workspace_id, now },
    conversation.id,
    conversation.owner_member_id,
    message.id,
  );
  return true;
}

/**
 * Messenger delivery/read watermarks: every outbound message to this customer on this channel
 * sent at or before `upTo` moves to the state (Instagram reads name one message instead).
 */
export async function applyWatermark(
  writer: InboxWriter,
  input: {
    channelId: string;
    customerExternalId: string;
    state: 'delivered' | 'read';
    upTo: number;
    providerMessageId: string | null;
  },
  now: number,
): Promise<number> {
  const upTo = input.providerMessageId
    ? ((await findMessageByProviderId(writer.trx, input.channelId, input.providerMessageId))?.created_at ??
      input.upTo)
    : input.upTo;
  const candidates = await writer.trx
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .innerJoin('customer_identities', (join) =>
      join
        .onRef('customer_identities.customer_id', '=', 'conversations.customer_id')
        .onRef('customer_identities.channel_id', '=', 'conversations.channel_id'),
    )
    .select(['messages.provider_message_id'])
    .where('conversations.channel_id', '=', input.channelId)
    .where('customer_identities.external_id', '=', input.customerExternalId)
    .where('messages.direction', '=', 'outbound')
    .where('messages.provider_message_id', 'is not', null)
    .where('messages.delivery_state', 'in', input.state === 'read' ? ['sent', 'delivered'] : ['sent'])
    .where('messages.created_at', '<=', upTo)
    .execute();
  let moved = 0;
  for (const candidate of candidates) {
    if (!candidate.provider_message_id) continue;
    await applyDeliveryStatus(
      writer,
      {
        channelId: input.channelId,
        providerMessageId: candidate.provider_message_id,
        state: input.state,
        errorCode: null,
        errorDetail: null,
      },
      now,
    );
    moved += 1;
  }
  return moved;
}
