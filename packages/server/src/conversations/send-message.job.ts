import { attachmentSchema, messageContentSchema } from '@charla/contracts';
import { z } from 'zod';
import type { MessageSender } from '../channels/message-sender.ts';
import { SendFailure } from '../channels/message-sender.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import { PermanentJobError, RetryLaterError } from '../jobs/job-worker.ts';
import type { ClaimedJob } from '../jobs/jobs.repo.ts';
import type { Clock } from '../platform/clock.ts';
import { recordMessageUpdated } from './conversations.events.ts';
import { findMessageRow, updateConversationRow, updateMessageRow } from './conversations.repo.ts';

export const SEND_MESSAGE_JOB = 'message.send';

const payloadSchema = z.object({ messageId: z.string() });

/** Loads what a send needs: the message, its conversation's channel and the customer's handle there. */
async function loadSend(db: Db, workspaceId: string, messageId: string) {
  const message = await findMessageRow(db.kysely, workspaceId, messageId);
  if (!message) return null;
  const context = await db.kysely
    .selectFrom('conversations')
    .innerJoin('channels', 'channels.id', 'conversations.channel_id')
    .innerJoin('customer_identities', (join) =>
      join
        .onRef('customer_identities.customer_id', '=', 'conversations.customer_id')
        .onRef('customer_identities.channel_id', '=', 'conversations.channel_id'),
    )
    .selectAll('channels')
    .select([
      'customer_identities.external_id as recipient_id',
      'conversations.owner_member_id',
      'conversations.last_message_id',
      'conversations.last_inbound_at',
    ])
    .where('conversations.id', '=', message.conversation_id)
    .executeTakeFirst();
  const quoted = message.reply_to_message_id
    ? await findMessageRow(db.kysely, workspaceId, message.reply_to_message_id)
    : undefined;
  return context ? { message, context, replyToProviderId: quoted?.provider_message_id ?? null } : null;
}

/**
 * Delivers a queued message through the channel's sender. Success → `sent` with the provider
 * id; a retryable failure → retried with backoff (the message stays queued); a permanent
 * failure, or the last attempt → `failed` with the code and reason.
 */
export function sendMessageJob(deps: { db: Db; clock: Clock; sender: MessageSender }): JobHandler {
  const { db, clock, sender } = deps;

  async function settle(
    job: ClaimedJob,
    messageId: string,
    changes: { state: 'sent' | 'failed'; providerId?: string; code?: string; detail?: string },
  ) {
    const now = clock.now();
    await inTransaction(db, async (trx) => {
      const message = await findMessageRow(trx, job.workspaceId ?? '', messageId);
      if (message?.delivery_state !== 'queued') return;
      await updateMessageRow(trx, messageId, {
        delivery_state: changes.state,
        provider_message_id: changes.providerId ?? null,
        error_code: changes.code ?? null,
        error_detail: changes.detail ?? null,
        updated_at: now,
      });
      const conversation = await trx
        .selectFrom('conversations')
        .select(['id', 'owner_member_id', 'last_message_id'])
        .where('id', '=', message.conversation_id)
        .executeTakeFirstOrThrow();
      if (conversation.last_message_id === messageId) {
        await updateConversationRow(trx, conversation.id, {
          last_message_state: changes.state,
          updated_at: now,
        });
      }
      await recordMessageUpdated(
        { trx, engine: db.engine, workspaceId: message.workspace_id, now },
        conversation.id,
        conversation.owner_member_id,
        messageId,
      );
    });
  }

  return {
    type: SEND_MESSAGE_JOB,
    async run(job) {
      const { messageId } = payloadSchema.parse(job.payload);
      const loaded = await loadSend(db, job.workspaceId ?? '', messageId);
      if (!loaded) throw new PermanentJobError(`message ${messageId} or its channel identity is gone`);
      if (loaded.message.delivery_state !== 'queued') return;
      try {
        const { providerMessageId } = await sender.send({
          messageId,
          channel: loaded.context,
          recipientId: loaded.context.recipient_id,
          text: loaded.message.body,
          content: messageContentSchema.parse(JSON.parse(loaded.message.content)),
          attachments: z.array(attachmentSchema).parse(JSON.parse(loaded.message.attachments)),
          replyToProviderId: loaded.replyToProviderId,
          lastInboundAt: loaded.context.last_inbound_at,
        });
        await settle(job, messageId, { state: 'sent', providerId: providerMessageId });
      } catch (error) {
        const failure =
          error instanceof SendFailure
            ? error
            : new SendFailure('network', error instanceof Error ? error.message : String(error), true);
        if (!failure.retryable || job.attempts >= job.maxAttempts) {
          await settle(job, messageId, { state: 'failed', code: failure.code, detail: failure.detail });
          return;
        }
        throw new RetryLaterError(failure.message, failure.retryAfterMs ?? 0);
      }
    },
  };
}
