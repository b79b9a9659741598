import type { Attachment, MessageContent } from '@charla/contracts';
import type { ChannelRow } from './channels.repo.ts';

/** One outbound message, as a channel adapter needs it. */
export interface OutboundMessage {
  messageId: string;
  channel: ChannelRow;
  /** wa_id, PSID or IGSID of the customer on this channel. */
  recipientId: string;
  text: string | null;
  content: MessageContent;
  /** Files to upload to Meta and send by id (media messages). */
  attachments: Attachment[];
  /** The provider id of the message being replied to, for quoting. */
  replyToProviderId: string | null;
  /** When the customer last wrote on this conversation: decides the window and Messenger tags. */
  lastInboundAt: number | null;
}

/**
 * Why a send failed. `retryable` failures (5xx, throttling) are retried with backoff;
 * the others mark the message failed with `code` and a plain-language `detail`.
 */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The port a channel adapter implements: deliver one message, return the provider's id. */
export interface MessageSender {
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}
