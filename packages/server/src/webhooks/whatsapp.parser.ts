import type { MessageContent } from '@charla/contracts';
import { z } from 'zod';
import { listOf, recordOf, stringOf } from './loose-json.ts';
import type { ChannelKey, ParsedMessage, ParsedMetaEvent, ProviderAttachment } from './meta-events.ts';

const mediaSchema = z
  .object({
    id: z.string().optional(),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
    caption: z.string().optional(),
    filename: z.string().optional(),
    voice: z.boolean().optional(),
    animated: z.boolean().optional(),
  })
  .passthrough();

const errorSchema = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).partial().optional(),
});

/** A WhatsApp `messages[]` item: common fields strict enough to route, the rest kept loose. */
const messageSchema = z
  .object({
    from: z.string().optional(),
    id: z.string(),
    timestamp: z.union([z.string(), z.number()]),
    type: z.string(),
    context: z.object({ id: z.string().optional() }).passthrough().optional(),
    referral: z.record(z.string(), z.unknown()).optional(),
    errors: z.array(errorSchema).optional(),
  })
  .passthrough();

const valueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
  contacts: z
    .array(
      z.object({
        wa_id: z.string().optional(),
        profile: z.object({ name: z.string().optional() }).partial().optional(),
      }),
    )
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const statusSchema = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.union([z.string(), z.number()]),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});

function seconds(value: string | number): number {
  return Number(value) * 1000;
}

type Message = z.infer<typeof messageSchema>;

function field(message: Message, name: string): Record<string, unknown> {
  return recordOf(message[name]);
}

const text = stringOf;

function attachment(raw: unknown, fallbackMime: string): ProviderAttachment {
  const media = mediaSchema.parse(raw ?? {});
  return {
    providerMediaId: media.id ?? null,
    providerUrl: null,
    mimeType: media.mime_type ?? fallbackMime,
    fileName: media.filename ?? null,
    caption: media.caption ?? null,
    sha256: media.sha256 ?? null,
  };
}

/** What the message carries, by WhatsApp type; anything unknown is kept as unsupported. */
function contentOf(message: Message): Pick<ParsedMessage, 'kind' | 'text' | 'content' | 'attachments'> {
  const none: ProviderAttachment[] = [];
  switch (message.type) {
    case 'text':
      return {
        kind: 'text',
        text: text(field(message, 'text').body) ?? '',
        content: { kind: 'text' },
        attachments: none,
      };
    case 'image':
    case 'video':
    case 'document': {
      const file = attachment(message[message.type], 'application/octet-stream');
      return { kind: message.type, text: file.caption, content: { kind: message.type }, attachments: [file] };
    }
    case 'audio': {
      const voice = mediaSchema.parse(message.audio ?? {}).voice ?? false;
      return {
        kind: 'audio',
        text: null,
        content: { kind: 'audio', voice },
        attachments: [attachment(message.audio, 'audio/ogg')],
      };
    }
    case 'sticker': {
      const animated = mediaSchema.parse(message.sticker ?? {}).animated ?? false;
      return {
        kind: 'sticker',
        text: null,
        content: { kind: 'sticker', animated },
        attachments: [attachment(message.sticker, 'image/webp')],
      };
    }
    case 'location': {
      const place = field(message, 'location');
      const content: MessageContent = {
        kind: 'location',
        latitude: Number(place.latitude),
        longitude: Number(place.longitude),
        name: text(place.name),
        address: text(place.address),
      };
      return { kind: 'location', text: text(place.name), content, attachments: none };
    }
    case 'contacts': {
      const contacts = listOf(message.contacts).map((entry) => {
        const card = recordOf(entry);
        const name = recordOf(card.name);
        const list = (key: string, prop: string) =>
          listOf(card[key])
            .map((item) => text(recordOf(item)[prop]))
            .filter((value): value is string => value !== null);
        return {
          name: text(name.formatted_name) ?? text(name.first_name) ?? '',
          phones: list('phones', 'phone'),
          emails: list('emails', 'email'),
        };
      });
      return {
        kind: 'contacts',
        text: contacts.map((contact) => contact.name).join(', ') || null,
        content: { kind: 'contacts', contacts },
        attachments: none,
      };
    }
    case 'interactive': {
      const interactive = field(message, 'interactive');
      const choice = recordOf(interactive.button_reply ?? interactive.list_reply ?? interactive.nfm_reply);
      const title = text(choice.title) ?? text(choice.body) ?? text(choice.name) ?? '';
      return {
        kind: 'interactive_reply',
        text: title,
        content: { kind: 'interactive_reply', replyId: text(choice.id), title },
        attachments: none,
      };
    }
    case 'button': {
      const button = field(message, 'button');
      const title = text(button.text) ?? '';
      return {
        kind: 'interactive_reply',
        text: title,
        content: { kind: 'interactive_reply', replyId: text(button.payload), title },
        attachments: none,
      };
    }
    case 'order': {
      const order = field(message, 'order');
      const items = listOf(order.product_items).length;
      return {
        kind: 'unsupported',
        text: [text(order.text), `${items} item(s) from catalog ${text(order.catalog_id) ?? ''}`.trim()]
          .filter(Boolean)
          .join(' — '),
        content: { kind: 'unsupported', providerType: 'order' },
        attachments: none,
      };
    }
    default: {
      const details = message.errors?.[0]?.error_data?.details ?? message.errors?.[0]?.title ?? null;
      return {
        kind: 'unsupported',
        text: details ?? null,
        content: { kind: 'unsupported', providerType: message.type },
        attachments: none,
      };
    }
  }
}

/**
 * Turns one WhatsApp `changes[].value` (field `messages`) into inbox events: messages,
 * reactions, status moves. Malformed items become `ignored` with the reason, never a crash.
 */
export function parseWhatsAppValue(rawValue: unknown): ParsedMetaEvent[] {
  const value = valueSchema.safeParse(rawValue);
  if (!value.success)
    return [{ type: 'ignored', reason: `WhatsApp value not understood: ${value.error.issues[0]?.message}` }];
  const channel: ChannelKey = { type: 'whatsapp', phoneNumberId: value.data.metadata.phone_number_id };
  const names = new Map(
    (value.data.contacts ?? []).map((contact) => [contact.wa_id ?? '', contact.profile?.name ?? null]),
  );
  const events: ParsedMetaEvent[] = [];

  for (const raw of value.data.messages ?? []) {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success || !parsed.data.from) {
      events.push({ type: 'ignored', reason: 'WhatsApp message without id, sender or type' });
      continue;
    }
    const message = parsed.data;
    const from = message.from ?? '';
    const at = seconds(message.timestamp);
    if (message.type === 'reaction') {
      const reaction = field(message, 'reaction');
      events.push({
        type: 'reaction',
        channel,
        customerId: from,
        profileName: names.get(from) ?? null,
        targetProviderId: text(reaction.message_id) ?? '',
        emoji: text(reaction.emoji) ?? '',
        at,
      });
      continue;
    }
    if (message.type === 'system' || message.type === 'request_welcome') {
      events.push({ type: 'ignored', reason: `WhatsApp ${message.type} notice` });
      continue;
    }
    if (message.type === 'revoke') {
      events.push({
        type: 'deleted',
        channel,
        providerMessageId: text(field(message, 'revoke').original_message_id) ?? '',
        text: null,
      });
      continue;
    }
    events.push({
      type: 'message',
      channel,
      direction: 'inbound',
      customerId: from,
      profileName: names.get(from) ?? null,
      phone: from,
      providerMessageId: message.id,
      ...contentOf(message),
      replyToProviderId: message.context?.id ?? null,
      referral: message.referral ?? null,
      sentAt: at,
    });
  }

  for (const raw of value.data.statuses ?? []) {
    const status = statusSchema.safeParse(raw);
    if (!status.success) {
      events.push({ type: 'ignored', reason: 'WhatsApp status without id or state' });
      continue;
    }
    const state = status.data.status === 'played' ? 'read' : status.data.status;
    if (state !== 'sent' && state !== 'delivered' && state !== 'read' && state !== 'failed') {
      events.push({ type: 'ignored', reason: `WhatsApp status ${status.data.status}` });
      continue;
    }
    const error = status.data.errors?.[0];
    events.push({
      type: 'status',
      channel,
      providerMessageId: status.data.id,
      state,
      at: seconds(status.data.timestamp),
      errorCode: error?.code !== undefined ? String(error.code) : null,
      errorDetail: error ? (error.error_data?.details ?? error.message ?? error.title ?? null) : null,
      callbackData: status.data.biz_opaque_callback_data ?? null,
    });
  }
  return events;
}
