import { z } from 'zod';

const mediaObject = (withCaption: boolean, withFilename: boolean) =>
  z
    .object({
      id: z.string().min(1).optional(),
      link: z.url({ protocol: /^https?$/ }).optional(),
      ...(withCaption ? { caption: z.string().max(1024).optional() } : {}),
      ...(withFilename ? { filename: z.string().max(240).optional() } : {}),
    })
    .refine(
      (media) => (media.id === undefined) !== (media.link === undefined),
      'give exactly one of id or link',
    );

const interactiveSchema = z
  .object({
    type: z.enum([
      'button',
      'list',
      'cta_url',
      'product',
      'product_list',
      'flow',
      'location_request_message',
      'call_permission_request',
    ]),
    header: z
      .object({ type: z.enum(['text', 'image', 'video', 'document']) })
      .loose()
      .optional(),
    body: z.object({ text: z.string().min(1).max(4096) }).optional(),
    footer: z.object({ text: z.string().max(60) }).optional(),
    action: z.object({}).loose(),
  })
  .superRefine((interactive, ctx) => {
    if (interactive.type === 'button') {
      const buttons = interactive.action.buttons;
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) {
        ctx.addIssue({
          code: 'custom',
          path: ['action', 'buttons'],
          message: 'must hold 1 to 3 reply buttons',
        });
      }
    }
    if (interactive.type === 'list') {
      const sections = interactive.action.sections;
      const rows = Array.isArray(sections)
        ? sections.reduce<number>(
            (sum, section) => sum + (Array.isArray(section?.rows) ? section.rows.length : 0),
            0,
          )
        : 0;
      if (rows < 1 || rows > 10) {
        ctx.addIssue({
          code: 'custom',
          path: ['action', 'sections'],
          message: 'must hold 1 to 10 rows in total',
        });
      }
    }
  });

const templateParameter = z
  .object({
    type: z.enum([
      'text',
      'currency',
      'date_time',
      'image',
      'video',
      'document',
      'location',
      'payload',
      'coupon_code',
    ]),
    parameter_name: z.string().optional(),
  })
  .loose();

/** A template component of a send (reference §2.7). */
export const templateComponentSchema = z.object({
  type: z.enum(['header', 'body', 'button', 'footer']),
  sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog']).optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(templateParameter).optional(),
});

const templateSchema = z.object({
  name: z.string().min(1),
  language: z.object({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponentSchema).optional(),
});

const common = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  to: z.string().regex(/^\+?[\d\s\-().]{5,24}$/, 'must be a phone number'),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

/** Body of `POST /{phone-number-id}/messages` for a send, one variant per `type`. */
export const whatsappSendSchema = z.preprocess(
  // The Cloud API defaults `type` to text.
  (body) =>
    typeof body === 'object' && body !== null && !('type' in body) && 'text' in body
      ? { ...body, type: 'text' }
      : body,
  z.discriminatedUnion('type', [
    z.object({
      ...common,
      type: z.literal('text'),
      text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
    }),
    z.object({ ...common, type: z.literal('image'), image: mediaObject(true, false) }),
    z.object({ ...common, type: z.literal('video'), video: mediaObject(true, false) }),
    z.object({ ...common, type: z.literal('audio'), audio: mediaObject(false, false) }),
    z.object({ ...common, type: z.literal('document'), document: mediaObject(true, true) }),
    z.object({ ...common, type: z.literal('sticker'), sticker: mediaObject(false, false) }),
    z.object({
      ...common,
      type: z.literal('location'),
      location: z.object({
        latitude: z.coerce.number().min(-90).max(90),
        longitude: z.coerce.number().min(-180).max(180),
        name: z.string().optional(),
        address: z.string().optional(),
      }),
    }),
    z.object({
      ...common,
      type: z.literal('contacts'),
      contacts: z
        .array(z.object({ name: z.object({ formatted_name: z.string().min(1) }).loose() }).loose())
        .min(1),
    }),
    z.object({ ...common, type: z.literal('interactive'), interactive: interactiveSchema }),
    z.object({ ...common, type: z.literal('template'), template: templateSchema }),
    z.object({
      ...common,
      type: z.literal('reaction'),
      reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }),
    }),
  ]),
);

/** A validated WhatsApp send. */
export type WhatsAppSend = z.output<typeof whatsappSendSchema>;
/** A template send's `template` object. */
export type WhatsAppTemplateSend = Extract<WhatsAppSend, { type: 'template' }>['template'];

/** Body of `POST /{phone-number-id}/messages` that marks a message read (optionally typing). */
export const whatsappMarkReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

/** Body of `POST|DELETE /{phone-number-id}/block_users`. */
export const blockUsersSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  block_users: z
    .array(z.object({ user: z.string().min(5) }))
    .min(1)
    .max(1000),
});
