import type { Attachment, MessageContent } from '@charla/contracts';
import type { ChannelRow } from '../../channels/channels.repo.ts';
import { findCustomerByPhone } from '../../customers/customer-profile.queries.ts';
import { findCustomerByIdentity, insertCustomer, insertIdentity } from '../../customers/customers.repo.ts';
import { FETCH_PROFILE_JOB } from '../../customers/fetch-profile.job.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { DOWNLOAD_MEDIA_JOB, needsDownload } from '../../media/download-media.job.ts';
import { newId } from '../../platform/ids.ts';
import { insertActivityLine } from '../activity.ts';
import { statusAfterInbound } from '../conversation-status.ts';
import { type InboxWriter, recordMessageCreated } from '../conversations.events.ts';
import { previewOf } from '../conversations.presenter.ts';
import {
  type ConversationRow,
  findConversationOf,
  findMessageByProviderId,
  insertConversationRow,
  insertMessageRow,
  type MessageRow,
  updateConversationRow,
} from '../conversations.repo.ts';

/** A message a customer sent, already parsed from the provider's payload. */
export interface InboundMessage {
  channel: ChannelRow;
  /**
   * `customer`: the customer wrote. `echo`: the business wrote from its phone or another tool;
   * stored as outbound (already sent) without touching status or unread counts.
   */
  origin?: 'customer' | 'echo';
  /** wa_id, PSID or IGSID. */
  senderId: string;
  profileName: string | null;
  /** Digits, for WhatsApp senders. */
  phone: string | null;
  providerMessageId: string;
  kind: MessageContent['kind'];
  text: string | null;
  content: MessageContent;
  /** With `providerMediaId` / `providerUrl` while the file is still at Meta. */
  attachments: (Attachment & { providerMediaId?: string | null; providerUrl?: string | null })[];
  /** The provider id of the message the customer replied to, if any. */
  replyToProviderId: string | null;
  /** When the customer sent it (provider timestamp, ms). */
  sentAt: number;
}

async function findOrCreateCustomer(trx: Executor, input: InboundMessage, now: number) {
  const known = await findCustomerByIdentity(trx, input.channel.id, input.senderId);
  if (known) return known;
  // A phone belongs to one customer of the workspace (a unique index): a WhatsApp sender whose
  // number an import, an order or another of the workspace's numbers already knows is that person.
  const byPhone = input.phone
    ? await findCustomerByPhone(trx, input.channel.workspace_id, input.phone)
    : undefined;
  const customer =
    byPhone ??
    (await insertCustomer(trx, {
      id: newId(),
      workspace_id: input.channel.workspace_id,
      profile_name: input.profileName,
      first_name: null,
      last_name: null,
      phone: input.phone,
      email: null,
      owner_member_id: null,
      bot_enabled: 1,
      blocked: 0,
      created_at: now,
      updated_at: now,
    }));
  const identityId = newId();
  await insertIdentity(trx, {
    id: identityId,
    workspace_id: input.channel.workspace_id,
    customer_id: customer.id,
    channel_id: input.channel.id,
    external_id: input.senderId,
    profile_name: input.profileName,
    created_at: now,
  });
  if (!input.profileName && input.channel.type !== 'whatsapp') {
    await enqueueJob(
      trx,
      {
        type: FETCH_PROFILE_JOB,
        workspaceId: input.channel.workspace_id,
        payload: { identityId },
        runAt: now,
        maxAttempts: 5,
        idempotencyKey: `profile:${identityId}`,
      },
      now,
    );
  }
  return customer;
}

async function findOrCreateConversation(
  trx: Executor,
  input: InboundMessage,
  customer: { id: string; owner_member_id: string | null },
  now: number,
): Promise<ConversationRow> {
  const existing = await findConversationOf(trx, customer.id, input.channel.id);
  if (existing) return existing;
  const row: ConversationRow = {
    id: newId(),
    workspace_id: input.channel.workspace_id,
    customer_id: customer.id,
    channel_id: input.channel.id,
    owner_member_id: customer.owner_member_id,
    status: 'new',
    unread_count: 0,
    last_activity_at: input.sentAt,
    last_inbound_at: null,
    last_message_preview: null,
    last_message_kind: null,
    last_message_direction: null,
    last_message_state: null,
    last_message_id: null,
    created_at: now,
    updated_at: now,
  };
  await insertConversationRow(trx, row);
  return row;
}

/**
 * Stores a customer's message: the customer and conversation are created on first contact, a
 * redelivered message is recognised by its provider id and stored once, a resolved
 * conversation comes back as new. A blocked customer's message is stored but raises nothing.
 * Returns the message id, and whether it was new.
 */
export async function recordInboundMessage(
  db: Db,
  input: InboundMessage,
  now: number,
): Promise<{ messageId: string; conversationId: string; created: boolean }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await inTransaction(db, (trx) =>
        recordInboundMessageWith({ trx, engine: db.engine }, input, now),
      );
    } catch (error) {
      // A concurrent delivery of the same webhook created the customer, conversation or message
      // first; the retry finds them.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/**
 * The same, inside the caller's transaction (a webhook batch). A unique violation (a concurrent
 * delivery stored it first) is the caller's to retry.
 */
export async function recordInboundMessageWith(writer: InboxWriter, input: InboundMessage, now: number) {
  const { trx } = writer;
  const duplicate = await findMessageByProviderId(trx, input.channel.id, input.providerMessageId);
  if (duplicate)
    return { messageId: duplicate.id, conversationId: duplicate.conversation_id, created: false };

  const customer = await findOrCreateCustomer(trx, input, now);
  const conversation = await findOrCreateConversation(trx, input, customer, now);
  const echo = input.origin === 'echo';
  // A blocked customer's message and an echo of our own side raise nothing and reopen nothing.
  const silent = customer.blocked === 1 || echo;
  const quoted = input.replyToProviderId
    ? await findMessageByProviderId(trx, input.channel.id, input.replyToProviderId)
    : undefined;

  const id = newId();
  const message: MessageRow = {
    id,
    workspace_id: conversation.workspace_id,
    conversation_id: conversation.id,
    channel_id: input.channel.id,
    direction: echo ? 'outbound' : 'inbound',
    kind: input.kind,
    body: input.text,
    content: JSON.stringify(input.content),
    attachments: JSON.stringify(input.attachments),
    reply_to_message_id: quoted?.id ?? null,
    provider_message_id: input.providerMessageId,
    client_id: null,
    delivery_state: echo ? 'sent' : null,
    error_code: null,
    error_detail: null,
    author_type: echo ? 'external' : 'customer',
    author_member_id: null,
    created_at: input.sentAt,
    updated_at: now,
  };
  await insertMessageRow(trx, message);

  if (input.attachments.some((attachment) => needsDownload(attachment))) {
    await enqueueJob(
      trx,
      {
        type: DOWNLOAD_MEDIA_JOB,
        workspaceId: conversation.workspace_id,
        payload: { messageId: id },
        runAt: now,
        idempotencyKey: `media:${id}`,
      },
      now,
    );
  }
  const ctx = { ...writer, workspaceId: conversation.workspace_id, now };
  const status = statusAfterInbound(conversation.status, silent);
  const isLatest = input.sentAt >= conversation.last_activity_at || conversation.last_message_id === null;
  if (echo && isLatest) {
    await updateConversationRow(trx, conversation.id, {
      last_activity_at: input.sentAt,
      last_message_id: id,
      last_message_preview: previewOf(input.kind, input.text),
      last_message_kind: input.kind,
      last_message_direction: 'outbound',
      last_message_state: 'sent',
      updated_at: now,
    });
  }
  if (!silent) {
    await updateConversationRow(trx, conversation.id, {
      status,
      unread_count: conversation.unread_count + 1,
      last_inbound_at: Math.max(conversation.last_inbound_at ?? 0, input.sentAt),
      ...(isLatest
        ? {
            last_activity_at: input.sentAt,
            last_message_id: id,
            last_message_preview: previewOf(input.kind, input.text),
            last_message_kind: input.kind,
            last_message_direction: 'inbound',
            last_message_state: null,
          }
        : {}),
      updated_at: now,
    });
  }
  if (status !== conversation.status) {
    const lineId = await insertActivityLine(
      trx,
      conversation,
      'customer',
      { action: 'status_changed', memberId: null, from: conversation.status, to: status },
      input.sentAt,
    );
    await recordMessageCreated(ctx, conversation.id, lineId, false);
  }
  // Its event is built from the row just written, not read back.
  const view = { ...message, author_name: null, reply_preview: quoted?.body ?? null };
  await recordMessageCreated(ctx, conversation.id, view, !silent);
  return { messageId: id, conversationId: conversation.id, created: true };
}
