import type { WhatsAppErrorObject } from '../graph/graph-error.ts';

/** `metadata` of every WhatsApp `value`. */
export interface WhatsAppMetadata {
  display_phone_number: string;
  phone_number_id: string;
}

/** A WhatsApp media payload in an inbound message. */
export interface WhatsAppInboundMedia {
  id: string;
  mime_type: string;
  sha256: string;
  url?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
}

/** One inbound WhatsApp message (`value.messages[]`, reference §2.3–2.4). */
export interface WhatsAppInboundMessage {
  from: string;
  id: string;
  timestamp: string;
  type: string;
  context?: {
    from?: string;
    id?: string;
    forwarded?: boolean;
    frequently_forwarded?: boolean;
  };
  referral?: Record<string, unknown>;
  errors?: WhatsAppErrorObject[];
  text?: { body: string };
  image?: WhatsAppInboundMedia;
  video?: WhatsAppInboundMedia;
  audio?: WhatsAppInboundMedia;
  document?: WhatsAppInboundMedia;
  sticker?: WhatsAppInboundMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: Record<string, unknown>[];
  interactive?:
    | { type: 'button_reply'; button_reply: { id: string; title: string } }
    | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } };
  button?: { payload: string; text: string };
  reaction?: { message_id: string; emoji?: string };
  order?: {
    catalog_id: string;
    text?: string;
    product_items: { product_retailer_id: string; quantity: number; item_price: number; currency: string }[];
  };
  system?: { body: string; type: string; wa_id?: string };
  identity?: { acknowledged: boolean; created_timestamp: string; hash: string };
  edit?: { original_message_id: string; message: { type: 'text'; text: { body: string } } };
  revoke?: { original_message_id: string };
}

/** One status of a message the business sent (`value.statuses[]`, reference §2.5). */
export interface WhatsAppStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
  pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
  errors?: WhatsAppErrorObject[];
}

/** `changes[].value` of a WhatsApp `messages` notification. */
export interface WhatsAppValue {
  messaging_product: 'whatsapp';
  metadata: WhatsAppMetadata;
  contacts?: { profile: { name: string }; wa_id: string }[];
  messages?: WhatsAppInboundMessage[];
  statuses?: WhatsAppStatus[];
  errors?: WhatsAppErrorObject[];
}

/** A WhatsApp webhook body: one WABA entry with `messages` changes. */
export interface WhatsAppEnvelope {
  object: 'whatsapp_business_account';
  entry: { id: string; changes: { field: 'messages'; value: WhatsAppValue }[] }[];
}

/** A Messenger/Instagram message or echo (`messaging[].message`, reference §3.3, §4.4). */
export interface MessagingMessage {
  mid: string;
  text?: string;
  is_echo?: boolean;
  app_id?: number;
  metadata?: string;
  is_deleted?: boolean;
  is_unsupported?: boolean;
  quick_reply?: { payload: string };
  reply_to?: { mid: string; is_self_reply?: boolean } | { story: { id: string; url: string } };
  attachments?: { type: string; payload: Record<string, unknown> }[];
}

/** One `messaging[]` item: exactly one event key besides sender/recipient/timestamp. */
export interface MessagingEvent {
  sender: { id: string };
  recipient: { id: string };
  timestamp?: number;
  message?: MessagingMessage;
  delivery?: { mids?: string[]; watermark: number };
  read?: { watermark?: number; mid?: string };
  postback?: { mid: string; title: string; payload: string };
  reaction?: { mid: string; action: 'react' | 'unreact'; reaction?: string; emoji?: string };
  message_edit?: { mid: string; text: string; num_edit: number };
  referral?: Record<string, unknown>;
}

/** A Messenger (`page`) or Instagram messaging webhook body. */
export interface MessagingEnvelope {
  object: 'page' | 'instagram';
  entry: { id: string; time: number; messaging: MessagingEvent[] }[];
}

/** `value` of a Facebook Page `feed` comment change (reference §5.1). */
export interface FeedCommentValue {
  item: 'comment';
  verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide';
  comment_id: string;
  post_id: string;
  parent_id: string;
  from: { id: string; name: string };
  message?: string;
  created_time: number;
  post: {
    id: string;
    status_type: string;
    is_published: boolean;
    updated_time: string;
    promotion_status: string;
  };
}

/** `value` of an Instagram `comments` change (reference §5.2). */
export interface InstagramCommentValue {
  id: string;
  from: { id: string; username: string };
  text: string;
  media: { id: string; media_product_type: string };
  parent_id?: string;
}

/** A comment webhook body: Facebook feed or Instagram comments/mentions. */
export interface ChangesEnvelope {
  object: 'page' | 'instagram';
  entry: {
    id: string;
    time: number;
    changes: (
      | { field: 'feed'; value: FeedCommentValue }
      | { field: 'comments'; value: InstagramCommentValue }
      | { field: 'mentions'; value: { media_id: string; comment_id?: string } }
    )[];
  }[];
}

/** Any webhook body the sandbox sends. */
export type WebhookEnvelope = WhatsAppEnvelope | MessagingEnvelope | ChangesEnvelope;
