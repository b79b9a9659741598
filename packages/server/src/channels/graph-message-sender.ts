import { type MessageContent, messagingWindow } from '@charla/contracts';
import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { KeyedRateLimiter } from '../platform/token-bucket.ts';
import { GraphClient, GraphError } from './graph-client.ts';
import { type MessageSender, type OutboundMessage, SendFailure } from './message-sender.ts';

const whatsappSendResponse = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });
const pageSendResponse = z.object({ message_id: z.string() });
const whatsappUploadResponse = z.object({ id: z.string() });
const pageUploadResponse = z.object({ attachment_id: z.string() });

/** Reads a stored file's bytes for upload to Meta. */
export type MediaLoader = (
  mediaId: string,
) => Promise<{ bytes: Buffer; mimeType: string; fileName: string | null }>;

/** The Messenger attachment type for a message kind. */
function pageAttachmentType(kind: string): 'image' | 'video' | 'audio' | 'file' {
  if (kind === 'image' || kind === 'sticker') return 'image';
  if (kind === 'video' || kind === 'audio') return kind;
  return 'file';
}

/** Marks our own Messenger sends so their echoes are recognised and not stored twice. */
export const ECHO_METADATA_PREFIX = 'charla:';

/**
 * A template's header and body parameters as the Cloud API takes them: the header file by the id
 * it was uploaded under; named templates give each body value its `parameter_name`.
 */
function templateComponents(
  content: Extract<MessageContent, { kind: 'template' }>,
  uploadedMediaId: string | null,
  fileName: string | null,
): Record<string, unknown>[] {
  const components: Record<string, unknown>[] = [];
  if (content.mediaHeader && uploadedMediaId !== null) {
    const file = content.mediaHeader === 'document' && fileName ? { filename: fileName } : {};
    components.push({
      type: 'header',
      parameters: [{ type: content.mediaHeader, [content.mediaHeader]: { id: uploadedMediaId, ...file } }],
    });
  }
  if (content.parameters.length > 0) {
    components.push({
      type: 'body',
      parameters: content.parameters.map((text, index) => {
        const name = content.parameterNames?.[index];
        return name ? { type: 'text', parameter_name: name, text } : { type: 'text', text };
      }),
    });
  }
  return components;
}

function whatsappBody(message: OutboundMessage, uploadedMediaId: string | null): Record<string, unknown> {
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: `+${message.recipientId}`,
    // Echoed back in status webhooks: lets a send whose answer was lost be matched, not re-sent.
    biz_opaque_callback_data: message.messageId,
    ...(message.replyToProviderId ? { context: { message_id: message.replyToProviderId } } : {}),
  };
  const { content } = message;
  if (content.kind === 'template') {
    const components = templateComponents(content, uploadedMediaId, message.attachments[0]?.fileName ?? null);
    return {
      ...common,
      type: 'template',
      template: {
        name: content.name,
        language: { code: content.language },
        ...(components.length > 0 ? { components } : {}),
      },
    };
  }
  if (uploadedMediaId !== null && content.kind !== 'text') {
    const file = message.attachments[0];
    const kind = content.kind;
    const withCaption = kind === 'image' || kind === 'video' || kind === 'document';
    return {
      ...common,
      type: kind,
      [kind]: {
        id: uploadedMediaId,
        ...(withCaption && message.text ? { caption: message.text } : {}),
        ...(kind === 'document' && file?.fileName ? { filename: file.fileName } : {}),
      },
    };
  }
  return { ...common, type: 'text', text: { preview_url: true, body: message.text ?? '' } };
}

function pageBody(
  message: OutboundMessage,
  now: number,
  attachmentId: string | null,
): Record<string, unknown> {
  if (message.content.kind === 'template') {
    throw new SendFailure(
      'templates_only_whatsapp',
      'Message templates can only be sent on WhatsApp.',
      false,
    );
  }
  const window = messagingWindow(message.channel.type, message.lastInboundAt, now);
  if (window.state === 'closed') {
    throw new SendFailure(
      'window_closed',
      'More than 7 days have passed since the customer last wrote.',
      false,
    );
  }
  return {
    recipient: { id: message.recipientId },
    ...(window.state === 'human_agent'
      ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
      : { messaging_type: 'RESPONSE' }),
    message: {
      ...(attachmentId !== null
        ? {
            attachment: {
              type: pageAttachmentType(message.content.kind),
              payload: { attachment_id: attachmentId },
            },
          }
        : { text: message.text ?? '' }),
      metadata: `${ECHO_METADATA_PREFIX}${message.messageId}`,
    },
    ...(message.replyToProviderId ? { reply_to: { mid: message.replyToProviderId } } : {}),
  };
}

/**
 * Sends through Meta's Graph API with the channel's own token: WhatsApp Cloud API for numbers,
 * the Send API for Pages and Instagram accounts. Errors come back as SendFailure, retryable or
 * not by their code.
 */
export class GraphMessageSender implements MessageSender {
  private readonly graph: GraphClient;

  constructor(
    graphUrl: string,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
    private readonly loadMedia: MediaLoader,
    private readonly limiter: KeyedRateLimiter = new KeyedRateLimiter(80),
  ) {
    this.graph = new GraphClient(graphUrl);
  }

  /** Uploads the message's file to Meta; media is sent by id, never exposed by a public URL. */
  private async upload(message: OutboundMessage, token: string): Promise<string | null> {
    const file = message.attachments[0];
    if (!file?.mediaId) return null;
    const { bytes, mimeType, fileName } = await this.loadMedia(file.mediaId);
    const blob = new Blob([new Uint8Array(bytes)], { type: mimeType });
    const form = new FormData();
    const { channel } = message;
    if (channel.type === 'whatsapp') {
      form.set('messaging_product', 'whatsapp');
      form.set('type', mimeType);
      form.set('file', blob, fileName ?? 'file');
      return whatsappUploadResponse.parse(
        await this.graph.upload(`${channel.external_id}/media`, token, form),
      ).id;
    }
    const attachment = {
      attachment: { type: pageAttachmentType(message.content.kind), payload: { is_reusable: true } },
    };
    form.set('message', JSON.stringify(attachment));
    if (channel.type === 'instagram') form.set('platform', 'instagram');
    form.set('filedata', blob, fileName ?? 'file');
    return pageUploadResponse.parse(
      await this.graph.upload(`${channel.external_id}/message_attachments`, token, form),
    ).attachment_id;
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const { channel } = message;
    if (!channel.access_token_enc || channel.active !== 1) {
      throw new SendFailure(
        'channel_disconnected',
        'This channel is disconnected. An admin must reconnect it.',
        false,
      );
    }
    const token = this.secretBox.open(channel.access_token_enc);
    // Meta's throughput per number (80 msg/s by default): pace rather than be throttled.
    await this.limiter.take(channel.id);
    try {
      const uploaded = await this.upload(message, token);
      if (channel.type === 'whatsapp') {
        const answer = whatsappSendResponse.parse(
          await this.graph.request(
            'POST',
            `${channel.external_id}/messages`,
            token,
            whatsappBody(message, uploaded),
          ),
        );
        return { providerMessageId: answer.messages[0]?.id ?? '' };
      }
      const answer = pageSendResponse.parse(
        await this.graph.request(
          'POST',
          `${channel.external_id}/messages`,
          token,
          pageBody(message, this.clock.now(), uploaded),
        ),
      );
      return { providerMessageId: answer.message_id };
    } catch (error) {
      if (error instanceof GraphError) {
        throw new SendFailure(
          error.code !== null ? String(error.code) : `http_${error.httpStatus}`,
          error.detail,
          error.retryable,
          error.retryAfterMs,
        );
      }
      throw error;
    }
  }
}
