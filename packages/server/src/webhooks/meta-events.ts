import type { MessageContent } from '@charla/contracts';

/** Where a webhook event must go: a WhatsApp number, a Page or an Instagram account. */
export type ChannelKey =
  | { type: 'whatsapp'; phoneNumberId: string }
  | { type: 'messenger' | 'instagram'; accountId: string };

/** A file the customer sent, still at Meta: fetched later by a media job. */
export interface ProviderAttachment {
  /** WhatsApp media id (fetched through the Graph API with the channel token). */
  providerMediaId: string | null;
  /** Messenger / Instagram signed CDN URL (expires). */
  providerUrl: string | null;
  mimeType: string;
  fileName: string | null;
  caption: string | null;
  sha256: string | null;
}

/** A message from the customer, or one the business sent from another tool (an echo). */
export interface ParsedMessage {
  type: 'message';
  channel: ChannelKey;
  direction: 'inbound' | 'echo';
  /** The customer: wa_id, PSID or IGSID. */
  customerId: string;
  profileName: string | null;
  phone: string | null;
  providerMessageId: string;
  kind: MessageContent['kind'];
  text: string | null;
  content: MessageContent;
  attachments: ProviderAttachment[];
  replyToProviderId: string | null;
  /** Ad or link the customer came from, kept verbatim. */
  referral: Record<string, unknown> | null;
  sentAt: number;
}

/** The delivery state of a message we sent moved (WhatsApp statuses). */
export interface ParsedStatus {
  type: 'status';
  channel: ChannelKey;
  providerMessageId: string;
  state: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  errorCode: string | null;
  errorDetail: string | null;
  /** `biz_opaque_callback_data`: our own message id, set on every send. */
  callbackData: string | null;
}

/** Messenger: everything we sent to this customer up to `upTo` was delivered / read. */
export interface ParsedWatermark {
  type: 'watermark';
  channel: ChannelKey;
  customerId: string;
  state: 'delivered' | 'read';
  upTo: number;
  /** Instagram reads name one message instead of a time. */
  providerMessageId: string | null;
}

/** A reaction to a message; an empty emoji removes it. */
export interface ParsedReaction {
  type: 'reaction';
  channel: ChannelKey;
  customerId: string;
  profileName: string | null;
  targetProviderId: string;
  emoji: string;
  at: number;
}

/** The customer unsent (deleted) or edited a message. */
export interface ParsedChange {
  type: 'deleted' | 'edited';
  channel: ChannelKey;
  providerMessageId: string;
  text: string | null;
}

/** Understood but nothing to store in the inbox (system notices, opt-ins…), kept for the log. */
export interface ParsedIgnored {
  type: 'ignored';
  reason: string;
}

export type ParsedMetaEvent =
  | ParsedMessage
  | ParsedStatus
  | ParsedWatermark
  | ParsedReaction
  | ParsedChange
  | ParsedIgnored;
