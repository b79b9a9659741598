import {
  type Attachment,
  type ChannelType,
  type Message,
  type MessageContent,
  messagingWindow,
  renderTemplateBody,
  type SendMessageRequest,
} from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { findCustomer } from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { findMedia } from '../../media/media.repo.ts';
import { mediaRuleFor } from '../../media/media-limits.ts';
import { mediaUrl } from '../../media/store-media.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { presentTemplate } from '../../templates/template-components.ts';
import { findTemplate } from '../../templates/templates.repo.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { statusAfterMemberReply } from '../conversation-status.ts';
import { messageView, recordMessageCreated } from '../conversations.events.ts';
import { canSeeConversation, canSendToCustomer } from '../conversations.policy.ts';
import { previewOf } from '../conversations.presenter.ts';
import {
  type ConversationRow,
  findMessageByClientId,
  findMessageRow,
  insertMessageRow,
  type MessageRow,
  updateConversationRow,
} from '../conversations.repo.ts';
import { SEND_MESSAGE_JOB } from '../send-message.job.ts';
import { changeOwner } from './assign-customer.ts';

type Request = Required<Pick<SendMessageRequest, 'clientId'>> & SendMessageRequest;

interface Composed {
  kind: MessageRow['kind'];
  body: string | null;
  content: MessageContent;
  attachments: Attachment[];
}

type MediaRow = NonNullable<Awaited<ReturnType<typeof findMedia>>>;

function attachmentOf(media: MediaRow, caption: string | null): Attachment {
  return {
    mediaId: media.id,
    mimeType: media.mime_type,
    fileName: media.file_name,
    size: media.size,
    caption,
    url: mediaUrl(media.id),
  };
}

const MEDIA_HEADERS = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' } as const;
const A_HEADER = { image: 'an image', video: 'a video', document: 'a document' } as const;

/**
 * A template's media header file: required when the template has an image, video or document
 * header, refused otherwise; of that kind and within WhatsApp's limits.
 */
async function headerMedia(
  trx: Executor,
  workspaceId: string,
  headerFormat: string | undefined,
  headerMediaId: string | undefined,
): Promise<{ kind: 'image' | 'video' | 'document'; media: MediaRow } | null> {
  const kind = MEDIA_HEADERS[headerFormat as keyof typeof MEDIA_HEADERS];
  if (!kind) {
    if (headerMediaId !== undefined)
      throw fieldError('body.headerMediaId', 'is not wanted: the template has no media header');
    return null;
  }
  if (headerMediaId === undefined)
    throw fieldError('body.headerMediaId', `is required: the template has ${A_HEADER[kind]} header`);
  const media = await findMedia(trx, workspaceId, headerMediaId);
  if (!media) throw fieldError('body.headerMediaId', 'is not a file uploaded to this workspace');
  const rule = mediaRuleFor('whatsapp', media.mime_type, media.size);
  if (!rule.ok)
    throw new AppError('MEDIA_NOT_ALLOWED', {
      fields: [{ field: 'body.headerMediaId', message: rule.reason }],
    });
  if (rule.kind !== kind)
    throw fieldError(
      'body.headerMediaId',
      `must be ${A_HEADER[kind]} for this template's header, not ${media.mime_type}`,
    );
  return { kind, media };
}

/**
 * A template message as it will be stored: the template must be synced on the channel in that
 * language and approved, with one value per variable and, for a media header, its file (the
 * message's attachment). Reminders check their template with it when they are scheduled, and
 * the send path again when they fire.
 */
export async function composeTemplate(
  trx: Executor,
  channel: { id: string; workspace_id: string },
  request: { templateName: string; language: string; parameters?: string[]; headerMediaId?: string },
): Promise<Composed> {
  const template = await findTemplate(trx, channel.id, request.templateName, request.language);
  if (!template)
    throw new AppError('TEMPLATE_NOT_FOUND', {
      fields: [{ field: 'body.templateName', message: 'is not a synced template in that language' }],
    });
  if (template.status !== 'APPROVED')
    throw new AppError('TEMPLATE_NOT_APPROVED', {
      fields: [{ field: 'body.templateName', message: `is ${template.status}` }],
    });
  const shown = presentTemplate(template);
  const parameters = request.parameters ?? [];
  if (parameters.length !== shown.variables.length) {
    throw fieldError(
      'body.parameters',
      `must have ${shown.variables.length} value(s), one per template variable`,
    );
  }
  const header = await headerMedia(trx, channel.workspace_id, shown.header?.format, request.headerMediaId);
  const text = renderTemplateBody(shown.body, shown.variables, parameters, () => '');
  return {
    kind: 'template',
    body: text,
    content: {
      kind: 'template',
      name: template.name,
      language: template.language,
      parameters,
      parameterNames: template.parameter_format === 'NAMED' ? shown.variables : null,
      mediaHeader: header?.kind ?? null,
    },
    attachments: header ? [attachmentOf(header.media, null)] : [],
  };
}

/** What the stored message holds, by request type; media is checked against the channel's limits. */
async function compose(
  trx: Executor,
  actor: Actor,
  channel: { id: string; type: ChannelType; workspace_id: string },
  request: Request,
): Promise<Composed> {
  const channelType = channel.type;
  switch (request.type) {
    case 'text':
      return { kind: 'text', body: request.text, content: { kind: 'text' }, attachments: [] };
    case 'note':
      return { kind: 'note', body: request.text, content: { kind: 'note' }, attachments: [] };
    case 'template':
      return composeTemplate(trx, channel, request);
    case 'media': {
      const media = await findMedia(trx, actor.workspaceId, request.mediaId);
      if (!media) throw fieldError('body.mediaId', 'is not a file uploaded to this workspace');
      const rule = mediaRuleFor(channelType, media.mime_type, media.size);
      if (!rule.ok)
        throw new AppError('MEDIA_NOT_ALLOWED', {
          fields: [{ field: 'body.mediaId', message: rule.reason }],
        });
      const content: MessageContent =
        rule.kind === 'audio'
          ? { kind: 'audio', voice: false }
          : rule.kind === 'sticker'
            ? { kind: 'sticker', animated: false }
            : { kind: rule.kind };
      const caption = request.caption ?? null;
      return { kind: rule.kind, body: caption, content, attachments: [attachmentOf(media, caption)] };
    }
  }
}

/**
 * Sends a message or adds a note. In one transaction: the message (queued) and its send job,
 * the first reply's implicit assignment and status move, and the events. The same `clientId`
 * again returns the first message instead of sending twice.
 */
export async function sendMessage(
  db: Db,
  actor: Actor,
  conversationId: string,
  request: Request,
  now: number,
): Promise<{ message: Message; created: boolean }> {
  const existing = await findMessageByClientId(db.kysely, actor.workspaceId, request.clientId);
  if (existing) return { message: await sameMessage(db, actor, conversationId, existing), created: false };
  try {
    return await inTransaction(db, (trx) => sendInTransaction(trx, db, actor, conversationId, request, now));
  } catch (error) {
    // Two identical requests raced past the first check: the loser returns the winner's message.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findMessageByClientId(db.kysely, actor.workspaceId, request.clientId);
    if (!winner) throw error;
    return { message: await sameMessage(db, actor, conversationId, winner), created: false };
  }
}

/**
 * The body of `sendMessage` inside the caller's transaction, for commands that send as part of
 * a larger write (New chat creates the customer and conversation, then sends, all or nothing).
 * The caller handles `clientId` idempotency.
 */
export async function sendInTransaction(
  trx: Executor,
  db: Db,
  actor: Actor,
  conversationId: string,
  request: Request,
  now: number,
): Promise<{ message: Message; created: true }> {
  const conversation = await loadVisibleConversation(trx, actor, conversationId);
  const isNote = request.type === 'note';
  if (!isNote && !canSendToCustomer(actor)) throw new AppError('SUPERVISOR_CANNOT_SEND');
  const customer = await findCustomer(trx, actor.workspaceId, conversation.customer_id);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  if (!isNote && customer.blocked === 1) throw new AppError('CUSTOMER_BLOCKED');
  const channel = await trx
    .selectFrom('channels')
    .select(['id', 'type', 'workspace_id'])
    .where('id', '=', conversation.channel_id)
    .executeTakeFirstOrThrow();
  if (!isNote) assertWindowAllows(channel.type, conversation, request.type, now);

  const replyTo = 'replyToMessageId' in request ? request.replyToMessageId : undefined;
  if (replyTo) {
    const quoted = await findMessageRow(trx, actor.workspaceId, replyTo);
    if (!quoted || quoted.conversation_id !== conversation.id) {
      throw fieldError('body.replyToMessageId', 'is not a message of this conversation');
    }
  }

  if (!isNote && customer.owner_member_id === null) await claimOnFirstReply(trx, db, actor, customer.id, now);

  const { kind, body, content, attachments } = await compose(trx, actor, channel, request);
  const id = newId();
  await insertMessageRow(trx, {
    id,
    workspace_id: actor.workspaceId,
    conversation_id: conversation.id,
    channel_id: conversation.channel_id,
    direction: isNote ? 'internal' : 'outbound',
    kind,
    body,
    content: JSON.stringify(content),
    attachments: JSON.stringify(attachments),
    reply_to_message_id: replyTo ?? null,
    provider_message_id: null,
    client_id: request.clientId,
    delivery_state: isNote ? null : 'queued',
    error_code: null,
    error_detail: null,
    author_type: 'member',
    author_member_id: actor.memberId,
    created_at: now,
    updated_at: now,
  });

  if (!isNote) {
    await updateConversationRow(trx, conversation.id, {
      status: statusAfterMemberReply(conversation.status),
      last_activity_at: now,
      last_message_id: id,
      last_message_preview: previewOf(kind, body ?? (content.kind === 'template' ? content.name : null)),
      last_message_kind: kind,
      last_message_direction: 'outbound',
      last_message_state: 'queued',
      updated_at: now,
    });
    await enqueueJob(
      trx,
      {
        type: SEND_MESSAGE_JOB,
        workspaceId: actor.workspaceId,
        payload: { messageId: id },
        runAt: now,
        idempotencyKey: `send:${id}`,
      },
      now,
    );
  }
  const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
  const { message } = await recordMessageCreated(ctx, conversation.id, id, false);
  return { message, created: true };
}

/**
 * Meta's messaging window, enforced before anything is queued: WhatsApp takes free-form
 * messages only within 24 h of the customer's last message (templates any time); Messenger and
 * Instagram take replies up to 7 days (tagged HUMAN_AGENT after 24 h) and no templates.
 */
export function assertWindowAllows(
  channelType: ChannelType,
  conversation: ConversationRow,
  type: Request['type'],
  now: number,
) {
  const window = messagingWindow(channelType, conversation.last_inbound_at, now);
  if (type === 'template') {
    if (channelType !== 'whatsapp') throw new AppError('TEMPLATES_ONLY_ON_WHATSAPP');
    return;
  }
  if (window.state !== 'closed') return;
  throw new AppError(channelType === 'whatsapp' ? 'WINDOW_CLOSED' : 'HUMAN_AGENT_WINDOW_CLOSED');
}

/**
 * The first member to reply in an unassigned chat becomes its owner. If someone claimed it a
 * moment earlier, the reply still goes out when the sender may see the chat (an admin, or the
 * same member in another tab); an agent who lost it gets ASSIGNMENT_CONFLICT.
 */
async function claimOnFirstReply(trx: Executor, db: Db, actor: Actor, customerId: string, now: number) {
  try {
    await changeOwner(trx, db, {
      workspaceId: actor.workspaceId,
      customerId,
      expected: null,
      next: actor.memberId,
      byMemberId: actor.memberId,
      now,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'ASSIGNMENT_CONFLICT') throw error;
    const owner = (await findCustomer(trx, actor.workspaceId, customerId))?.owner_member_id ?? null;
    if (!canSeeConversation(actor, owner)) throw error;
  }
}

async function sameMessage(db: Db, actor: Actor, conversationId: string, row: MessageRow): Promise<Message> {
  if (row.conversation_id !== conversationId) {
    throw fieldError('body.clientId', 'was already used for a message in another conversation');
  }
  await loadVisibleConversation(db.kysely, actor, conversationId);
  return messageView(db.kysely, actor.workspaceId, row.id);
}
