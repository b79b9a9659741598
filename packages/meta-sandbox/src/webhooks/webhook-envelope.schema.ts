import { z } from 'zod';

const digits = z.string().regex(/^\d+$/);
const seconds = z.string().regex(/^\d{9,11}$/, 'must be Unix seconds as a string');
const millis = z.number().int().gt(1e12, 'must be Unix milliseconds');

const waError = z.object({
  code: z.number().int(),
  title: z.string().min(1),
  message: z.string().min(1),
  error_data: z.object({ details: z.string().min(1) }),
  href: z.string().optional(),
});

const waMedia = z.object({
  id: digits,
  mime_type: z.string().min(1),
  sha256: z.string().min(1),
  url: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const PAYLOAD_KEY: Record<string, string> = {
  text: 'text',
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'document',
  sticker: 'sticker',
  location: 'location',
  contacts: 'contacts',
  interactive: 'interactive',
  button: 'button',
  reaction: 'reaction',
  order: 'order',
  system: 'system',
  unsupported: 'errors',
  unknown: 'errors',
  edit: 'edit',
  revoke: 'revoke',
};

const waMessage = z
  .object({
    from: digits,
    id: z.string().startsWith('wamid.'),
    timestamp: seconds,
    type: z.enum(Object.keys(PAYLOAD_KEY)),
    context: z
      .object({
        from: digits.optional(),
        id: z.string().optional(),
        forwarded: z.boolean().optional(),
        frequently_forwarded: z.boolean().optional(),
      })
      .optional(),
    referral: z
      .object({ source_type: z.string(), source_id: z.string(), source_url: z.string() })
      .loose()
      .optional(),
    errors: z.array(waError).optional(),
    text: z.object({ body: z.string().min(1) }).optional(),
    image: waMedia.optional(),
    video: waMedia.optional(),
    audio: waMedia.optional(),
    document: waMedia.optional(),
    sticker: waMedia.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).loose().optional(),
    contacts: z
      .array(z.object({ name: z.object({ formatted_name: z.string() }).loose() }).loose())
      .optional(),
    interactive: z
      .union([
        z.object({
          type: z.literal('button_reply'),
          button_reply: z.object({ id: z.string(), title: z.string() }),
        }),
        z.object({
          type: z.literal('list_reply'),
          list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }),
        }),
      ])
      .optional(),
    button: z.object({ payload: z.string(), text: z.string() }).optional(),
    reaction: z
      .object({ message_id: z.string().startsWith('wamid.'), emoji: z.string().optional() })
      .optional(),
    order: z
      .object({ catalog_id: z.string(), product_items: z.array(z.object({}).loose()).min(1) })
      .loose()
      .optional(),
    system: z.object({ body: z.string(), type: z.string() }).loose().optional(),
    identity: z.object({}).loose().optional(),
    edit: z.object({ original_message_id: z.string() }).loose().optional(),
    revoke: z.object({ original_message_id: z.string() }).optional(),
  })
  .refine((m) => {
    const key = PAYLOAD_KEY[m.type];
    return key !== undefined && key in m;
  }, 'must carry the payload named by type');

const waStatus = z
  .object({
    id: z.string().startsWith('wamid.'),
    status: z.enum(['sent', 'delivered', 'read', 'played', 'failed']),
    timestamp: seconds,
    recipient_id: digits,
    biz_opaque_callback_data: z.string().optional(),
    conversation: z
      .object({
        id: z.string(),
        expiration_timestamp: seconds.optional(),
        origin: z.object({ type: z.string() }),
      })
      .optional(),
    pricing: z
      .object({ billable: z.boolean(), pricing_model: z.string(), type: z.string(), category: z.string() })
      .optional(),
    errors: z.array(waError).optional(),
  })
  .refine(
    (s) => (s.status === 'failed') === (s.errors !== undefined),
    'failed statuses, and only they, carry errors',
  );

const whatsappEnvelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: digits,
        changes: z
          .array(
            z.object({
              field: z.literal('messages'),
              value: z.object({
                messaging_product: z.literal('whatsapp'),
                metadata: z.object({ display_phone_number: digits, phone_number_id: digits }),
                contacts: z
                  .array(z.object({ profile: z.object({ name: z.string() }), wa_id: digits }))
                  .optional(),
                messages: z.array(waMessage).optional(),
                statuses: z.array(waStatus).optional(),
                errors: z.array(waError).optional(),
              }),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

const EVENT_KEYS = [
  'message',
  'delivery',
  'read',
  'postback',
  'reaction',
  'message_edit',
  'referral',
] as const;

const messagingEvent = z
  .object({
    sender: z.object({ id: digits }),
    recipient: z.object({ id: digits }),
    timestamp: millis.optional(),
    message: z
      .object({
        mid: z.string().min(1),
        text: z.string().optional(),
        is_echo: z.boolean().optional(),
        is_deleted: z.boolean().optional(),
        is_unsupported: z.boolean().optional(),
        attachments: z.array(z.object({ type: z.string(), payload: z.object({}).loose() })).optional(),
      })
      .loose()
      .optional(),
    delivery: z.object({ mids: z.array(z.string()).optional(), watermark: millis }).optional(),
    read: z.object({ watermark: millis.optional(), mid: z.string().optional() }).optional(),
    postback: z.object({ mid: z.string(), title: z.string(), payload: z.string() }).optional(),
    reaction: z
      .object({ mid: z.string(), action: z.enum(['react', 'unreact']) })
      .loose()
      .optional(),
    message_edit: z.object({ mid: z.string(), text: z.string(), num_edit: z.number().int() }).optional(),
    referral: z.object({ source: z.string(), type: z.string() }).loose().optional(),
  })
  .refine(
    (e) => EVENT_KEYS.filter((key) => e[key] !== undefined).length === 1,
    'must hold exactly one event key',
  );

const messagingEnvelopeSchema = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z.array(z.object({ id: digits, time: millis, messaging: z.array(messagingEvent).min(1) })).min(1),
});

const feedChange = z.object({
  field: z.literal('feed'),
  value: z.object({
    item: z.literal('comment'),
    verb: z.enum(['add', 'edited', 'remove', 'hide', 'unhide']),
    comment_id: z.string().regex(/^\d+_\d+$/),
    post_id: z.string().regex(/^\d+_\d+$/),
    parent_id: z.string(),
    from: z.object({ id: digits, name: z.string() }),
    message: z.string().optional(),
    created_time: z.number().int().lt(1e11),
    post: z.object({ id: z.string() }).loose(),
  }),
});

const igCommentChange = z.object({
  field: z.literal('comments'),
  value: z.object({
    id: digits,
    from: z.object({ id: digits, username: z.string() }),
    text: z.string(),
    media: z.object({ id: digits, media_product_type: z.string() }),
    parent_id: z.string().optional(),
  }),
});

const mentionChange = z.object({
  field: z.literal('mentions'),
  value: z.object({ media_id: digits, comment_id: z.string().optional() }),
});

const changesEnvelopeSchema = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z
    .array(
      z.object({
        id: digits,
        time: z.number().int(),
        changes: z.array(z.union([feedChange, igCommentChange, mentionChange])).min(1),
      }),
    )
    .min(1),
});

/**
 * Every webhook body the sandbox sends, checked against the reference's wire formats (id and
 * timestamp formats, one payload per type, one key per messaging event). Tests use it to prove
 * payloads are valid; Charla's tests may use it to check their fixtures.
 */
export const metaWebhookSchema = z.union([
  whatsappEnvelopeSchema,
  messagingEnvelopeSchema,
  changesEnvelopeSchema,
]);
