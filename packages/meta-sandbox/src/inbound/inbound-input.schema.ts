import { z } from 'zod';

const common = {
  /** Phone-number id, Page id or Instagram account id; default: the first asset of the channel. */
  asset: z.string().optional(),
  /** wa_id, PSID or IGSID of the customer; default: a new random persona. */
  from: z.string().optional(),
  /** The customer's display name, "First Last". */
  name: z.string().min(1).optional(),
  /** Language of generated text and of a new persona. */
  locale: z.enum(['es', 'en']).optional(),
  /** When the customer acted, epoch ms; default now. An old time leaves the 24 h window closed. */
  timestamp: z.number().int().positive().optional(),
};

const whatsappExtras = {
  /** Quote an earlier message (`context.from` + `context.id`). */
  replyTo: z.string().optional(),
  forwarded: z.enum(['forwarded', 'frequently_forwarded']).optional(),
  /** `true` for a default Click-to-WhatsApp ad referral, or the referral object itself. */
  referral: z.union([z.literal(true), z.record(z.string(), z.unknown())]).optional(),
};

const wa = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ channel: z.literal('whatsapp'), type: z.literal(type), ...common, ...whatsappExtras, ...shape });
const ms = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ channel: z.literal('messenger'), type: z.literal(type), ...common, ...shape });
const ig = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ channel: z.literal('instagram'), type: z.literal(type), ...common, ...shape });

const caption = { caption: z.string().optional() };
const target = { messageId: z.string().optional() };
const reaction = {
  ...target,
  action: z.enum(['react', 'unreact']).default('react'),
  reaction: z.string().default('love'),
  emoji: z.string().default('❤️'),
};

/** A WhatsApp customer action, one variant per inbound type of reference §2.4. */
export const whatsappInboundSchema = z.discriminatedUnion('type', [
  wa('text', { text: z.string().min(1).optional() }),
  wa('image', caption),
  wa('video', caption),
  wa('audio', { voice: z.boolean().default(true) }),
  wa('document', { ...caption, filename: z.string().optional() }),
  wa('sticker', { animated: z.boolean().default(false) }),
  wa('location', {
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    placeName: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  wa('contacts', { contacts: z.array(z.record(z.string(), z.unknown())).min(1).optional() }),
  wa('button_reply', {
    id: z.string().default('agent'),
    title: z.string().default('Hablar con alguien'),
    ...target,
  }),
  wa('list_reply', {
    id: z.string().default('express'),
    title: z.string().default('Envío express'),
    description: z.string().optional(),
    ...target,
  }),
  wa('button', {
    payload: z.string().default('STOP_PROMOS'),
    text: z.string().default('Dejar de recibir'),
    ...target,
  }),
  wa('reaction', { ...target, emoji: z.string().default('👍') }),
  wa('order', {
    catalogId: z.string().default('354160437058781'),
    text: z.string().optional(),
    items: z
      .array(
        z.object({
          product_retailer_id: z.string(),
          quantity: z.number().int().positive(),
          item_price: z.number(),
          currency: z.string(),
        }),
      )
      .optional(),
  }),
  wa('system', {
    newWaId: z
      .string()
      .regex(/^\d{6,15}$/)
      .optional(),
  }),
  wa('identity_changed', {}),
  wa('unsupported', {}),
  wa('unknown', {}),
  wa('edit', { ...target, text: z.string().min(1).optional() }),
  wa('revoke', target),
  /** An out-of-band `value.errors[]` notification (not a message). */
  wa('errors', { code: z.number().int().default(131000), details: z.string().optional() }),
]);

const attachment = <T extends string>(type: T) => ms(type, { text: z.string().optional() });

/** A Messenger customer action or Page feed comment (reference §3.3, §5.1). */
export const messengerInboundSchema = z.discriminatedUnion('type', [
  ms('text', {
    text: z.string().min(1).optional(),
    quickReplyPayload: z.string().optional(),
    replyTo: z.string().optional(),
  }),
  attachment('image'),
  attachment('video'),
  attachment('audio'),
  attachment('file'),
  ms('sticker', {}),
  ms('fallback', { url: z.string().default('https://shop.example.com/p/42'), title: z.string().optional() }),
  ms('postback', { title: z.string().default('Hablar con un asesor'), payload: z.string().default('AGENT') }),
  ms('reaction', reaction),
  ms('read', { watermark: z.number().int().optional() }),
  ms('delivery', { mids: z.array(z.string()).optional(), watermark: z.number().int().optional() }),
  ms('echo', { text: z.string().min(1).optional(), appId: z.number().int().default(263902037430900) }),
  ms('referral', {
    ref: z.string().default('campaign-42'),
    source: z.enum(['SHORTLINK', 'ADS']).default('SHORTLINK'),
  }),
  ms('message_edit', {
    ...target,
    text: z.string().min(1).optional(),
    numEdit: z.number().int().min(1).max(5).default(1),
  }),
  ms('comment', {
    text: z.string().min(1).optional(),
    verb: z.enum(['add', 'edited', 'remove', 'hide', 'unhide']).default('add'),
    commentId: z.string().optional(),
    postId: z.string().optional(),
    parentCommentId: z.string().optional(),
  }),
]);

const igAttachment = <T extends string>(type: T) => ig(type, { text: z.string().optional() });

/** An Instagram customer action, comment or mention (reference §4.4, §5.2). */
export const instagramInboundSchema = z.discriminatedUnion('type', [
  ig('text', {
    text: z.string().min(1).optional(),
    quickReplyPayload: z.string().optional(),
    replyTo: z.string().optional(),
  }),
  igAttachment('image'),
  igAttachment('video'),
  igAttachment('audio'),
  igAttachment('file'),
  ig('share', {}),
  ig('story_mention', {}),
  ig('ig_reel', { title: z.string().optional() }),
  ig('story_reply', { text: z.string().min(1).optional() }),
  ig('reaction', reaction),
  ig('read', target),
  ig('deleted', target),
  ig('echo', { text: z.string().min(1).optional(), appId: z.number().int().default(1217981644879628) }),
  ig('postback', { title: z.string().default('Ver catálogo'), payload: z.string().default('ICEBREAKER_1') }),
  ig('referral', { ref: z.string().default('promo'), source: z.enum(['SHORTLINK', 'ADS']).default('ADS') }),
  ig('unsupported', {}),
  ig('comment', {
    text: z.string().min(1).optional(),
    mediaId: z.string().optional(),
    parentCommentId: z.string().optional(),
    productType: z.enum(['FEED', 'REELS', 'STORY', 'AD']).default('FEED'),
  }),
  ig('mention', { mediaId: z.string().optional(), commentId: z.string().optional() }),
]);

/** Body of `POST /__sandbox/inbound`: what a simulated customer does. */
export const inboundInputSchema = z.discriminatedUnion('channel', [
  whatsappInboundSchema,
  messengerInboundSchema,
  instagramInboundSchema,
]);

/** An inbound action as callers write it (defaults not yet applied). */
export type InboundInput = z.input<typeof inboundInputSchema>;
/** A validated inbound action. */
export type InboundSpec = z.output<typeof inboundInputSchema>;
/** A validated WhatsApp inbound action. */
export type WhatsAppInboundSpec = z.output<typeof whatsappInboundSchema>;
/** A validated Messenger inbound action. */
export type MessengerInboundSpec = z.output<typeof messengerInboundSchema>;
/** A validated Instagram inbound action. */
export type InstagramInboundSpec = z.output<typeof instagramInboundSchema>;
