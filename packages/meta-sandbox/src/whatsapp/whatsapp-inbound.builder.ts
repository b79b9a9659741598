import { whatsappErrorObject } from '../graph/graph-error.ts';
import type {
  WhatsAppEnvelope,
  WhatsAppInboundMedia,
  WhatsAppInboundMessage,
  WhatsAppValue,
} from '../webhooks/webhook-envelope.ts';

/** The business number a webhook is about (`entry[].id` and `value.metadata`). */
export interface WhatsAppNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhone: string;
}

/** The customer who wrote (`value.contacts[]`). */
export interface WhatsAppSender {
  waId: string;
  name: string;
}

/** What a customer sent, one variant per inbound type of reference §2.4. */
export type WhatsAppMessageContent =
  | { type: 'text'; body: string }
  | { type: 'image' | 'video' | 'audio' | 'document' | 'sticker'; media: WhatsAppInboundMedia }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { type: 'contacts'; contacts: Record<string, unknown>[] }
  | { type: 'button_reply'; id: string; title: string }
  | { type: 'list_reply'; id: string; title: string; description?: string }
  | { type: 'button'; payload: string; text: string }
  | { type: 'reaction'; messageId: string; emoji: string }
  | {
      type: 'order';
      catalogId: string;
      text?: string;
      items: { product_retailer_id: string; quantity: number; item_price: number; currency: string }[];
    }
  | { type: 'system'; newWaId: string; body: string }
  | { type: 'identity_changed'; hash: string }
  | { type: 'unsupported' | 'unknown' }
  | { type: 'edit'; originalMessageId: string; body: string }
  | { type: 'revoke'; originalMessageId: string };

/** Envelope fields of one inbound message. */
export interface WhatsAppMessageMeta {
  id: string;
  from: string;
  timestampMs: number;
  context?: WhatsAppInboundMessage['context'];
  referral?: Record<string, unknown>;
}

/** Unix seconds as the string WhatsApp uses for `timestamp`. */
export function whatsappTimestamp(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** Builds one `value.messages[]` item. */
export function buildWhatsAppMessage(
  content: WhatsAppMessageContent,
  meta: WhatsAppMessageMeta,
): WhatsAppInboundMessage {
  const base: WhatsAppInboundMessage = {
    ...(meta.context ? { context: meta.context } : {}),
    ...(meta.referral ? { referral: meta.referral } : {}),
    from: meta.from,
    id: meta.id,
    timestamp: whatsappTimestamp(meta.timestampMs),
    type: content.type,
  };
  switch (content.type) {
    case 'text':
      return { ...base, text: { body: content.body } };
    case 'image':
      return { ...base, image: content.media };
    case 'video':
      return { ...base, video: content.media };
    case 'audio':
      return { ...base, audio: content.media };
    case 'document':
      return { ...base, document: content.media };
    case 'sticker':
      return { ...base, sticker: content.media };
    case 'location': {
      const { type: _type, ...location } = content;
      return { ...base, location };
    }
    case 'contacts':
      return { ...base, contacts: content.contacts };
    case 'button_reply':
      return {
        ...base,
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: content.id, title: content.title } },
      };
    case 'list_reply':
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list_reply',
          list_reply: {
            id: content.id,
            title: content.title,
            ...(content.description ? { description: content.description } : {}),
          },
        },
      };
    case 'button':
      return { ...base, button: { payload: content.payload, text: content.text } };
    case 'reaction':
      return { ...base, reaction: { message_id: content.messageId, emoji: content.emoji } };
    case 'order':
      return {
        ...base,
        order: {
          catalog_id: content.catalogId,
          ...(content.text ? { text: content.text } : {}),
          product_items: content.items,
        },
      };
    case 'system':
      return { ...base, system: { body: content.body, wa_id: content.newWaId, type: 'user_changed_number' } };
    case 'identity_changed':
      return {
        ...base,
        type: 'system',
        identity: { acknowledged: true, created_timestamp: base.timestamp, hash: content.hash },
        system: { body: 'User identity changed', type: 'customer_identity_changed' },
      };
    case 'unsupported':
    case 'unknown':
      return { ...base, errors: [whatsappErrorObject(131051)] };
    case 'edit':
      return {
        ...base,
        edit: {
          original_message_id: content.originalMessageId,
          message: { type: 'text', text: { body: content.body } },
        },
      };
    case 'revoke':
      return { ...base, revoke: { original_message_id: content.originalMessageId } };
  }
}

/** Wraps a `value` in the WABA envelope of reference §2.2. */
export function whatsappEnvelope(
  number: WhatsAppNumber,
  value: Omit<WhatsAppValue, 'messaging_product' | 'metadata'>,
): WhatsAppEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.displayPhone, phone_number_id: number.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** An inbound-message webhook: `contacts[]` with the sender's profile plus one message. */
export function whatsappMessageEnvelope(
  number: WhatsAppNumber,
  sender: WhatsAppSender,
  message: WhatsAppInboundMessage,
): WhatsAppEnvelope {
  return whatsappEnvelope(number, {
    contacts: [{ profile: { name: sender.name }, wa_id: sender.waId }],
    messages: [message],
  });
}

/** An out-of-band error webhook (`value.errors[]`, reference §2.6). */
export function whatsappErrorsEnvelope(
  number: WhatsAppNumber,
  code: number,
  details?: string,
): WhatsAppEnvelope {
  return whatsappEnvelope(number, { errors: [whatsappErrorObject(code, details)] });
}

/** A Click-to-WhatsApp ad `referral` (reference §2.3), with overridable fields. */
export function ctwaReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source_url: 'https://fb.me/3cr4Wqqkv',
    source_id: '120226305854810726',
    source_type: 'ad',
    body: '¡Nueva colección de verano! Envíos gratis a todo el país.',
    headline: 'Escríbenos por WhatsApp',
    media_type: 'image',
    image_url: 'https://scontent.xx.fbcdn.net/v/t45.1600-4/ad-creative.jpg',
    ctwa_clid: 'Aff-n8ZTODiE79d22KtAOXKcAJ2SxN4zV9f1lmPd',
    welcome_message: { text: '¡Hola! ¿En qué podemos ayudarte?' },
    ...overrides,
  };
}
