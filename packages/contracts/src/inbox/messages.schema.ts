import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';

export const MESSAGE_KINDS = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'interactive_reply',
  'template',
  'story_reply',
  'story_mention',
  'share',
  'unsupported',
  'deleted',
  'note',
  'activity',
] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

/** inbound: from the customer; outbound: to the customer; internal: notes and activity lines. */
export const messageDirectionSchema = z.enum(['inbound', 'outbound', 'internal']);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** Only moves forward: queued < sent < delivered < read; failed is terminal unless retried. */
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** A file attached to a message, served to members at `url` (never a public provider URL). */
export const attachmentSchema = z.object({
  mediaId: idSchema.nullable(),
  mimeType: z.string(),
  fileName: z.string().nullable(),
  size: z.number().int().nonnegative().nullable(),
  caption: z.string().nullable(),
  /** Where a signed-in member downloads it; null while it is still being fetched from Meta. */
  url: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const contactCardSchema = z.object({
  name: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
});

export const ACTIVITY_ACTIONS = [
  'assigned',
  'unassigned',
  'status_changed',
  'bot_enabled',
  'bot_disabled',
  'blocked',
  'unblocked',
  /** A member edited the customer's details; `to` lists the changed fields (comma separated). */
  'customer_updated',
  /** A deal was created for the customer: `from` is its title, `to` its stage. */
  'deal_created',
  /** A deal moved: `from` and `to` are the stage names (`memberId` null). */
  'deal_stage_changed',
  /** Another customer was merged into this one: `from` is the merged customer's name. */
  'customers_merged',
] as const;
export const activityActionSchema = z.enum(ACTIVITY_ACTIONS);
export type ActivityAction = z.infer<typeof activityActionSchema>;

/** What a message carries beyond its text, by kind. */
export const messageContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }),
  z.object({ kind: z.literal('image') }),
  z.object({ kind: z.literal('video') }),
  z.object({ kind: z.literal('audio'), voice: z.boolean() }),
  z.object({ kind: z.literal('document') }),
  z.object({ kind: z.literal('sticker'), animated: z.boolean() }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().nullable(),
    address: z.string().nullable(),
  }),
  z.object({ kind: z.literal('contacts'), contacts: z.array(contactCardSchema) }),
  z.object({
    kind: z.literal('reaction'),
    emoji: z.string(),
    /** The message reacted to, when known; an empty emoji removes the reaction. */
    targetMessageId: idSchema.nullable(),
  }),
  z.object({ kind: z.literal('interactive_reply'), replyId: z.string().nullable(), title: z.string() }),
  z.object({
    kind: z.literal('template'),
    name: z.string(),
    language: z.string(),
    parameters: z.array(z.string()),
    /** For templates with named variables: the name of each parameter, in order. */
    parameterNames: z.array(z.string()).nullable().default(null),
    /** A media header's kind; its file is the message's attachment. */
    mediaHeader: z.enum(['image', 'video', 'document']).nullable().default(null),
  }),
  z.object({ kind: z.literal('story_reply'), storyUrl: z.string().nullable() }),
  z.object({ kind: z.literal('story_mention'), storyUrl: z.string().nullable() }),
  z.object({ kind: z.literal('share'), url: z.string().nullable() }),
  z.object({ kind: z.literal('unsupported'), providerType: z.string() }),
  z.object({ kind: z.literal('deleted') }),
  z.object({ kind: z.literal('note') }),
  z.object({
    kind: z.literal('activity'),
    action: activityActionSchema,
    /** For assignment: the new owner (null when unassigned); for status: from → to. */
    memberId: idSchema.nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;

export const messageAuthorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('customer') }),
  z.object({ type: z.literal('member'), memberId: idSchema, name: z.string() }),
  z.object({ type: z.literal('bot') }),
  /** Sent from the phone or another tool (an echo). */
  z.object({ type: z.literal('external') }),
]);
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

export const reactionSchema = z.object({
  emoji: z.string(),
  by: z.enum(['customer', 'member']),
  memberId: idSchema.nullable(),
});

export const messageSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  direction: messageDirectionSchema,
  kind: messageKindSchema,
  /** Text, caption or note; null when the kind has none. */
  text: z.string().nullable(),
  content: messageContentSchema,
  attachments: z.array(attachmentSchema),
  replyTo: z.object({ messageId: idSchema, preview: z.string() }).nullable(),
  reactions: z.array(reactionSchema),
  author: messageAuthorSchema,
  /** Outbound only: where the message is on its way to the customer. */
  delivery: z
    .object({
      state: deliveryStateSchema,
      errorCode: z.string().nullable(),
      /** Plain-language reason in the reader's language. */
      errorReason: z.string().nullable(),
    })
    .nullable(),
  clientId: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Message = z.infer<typeof messageSchema>;

export const threadQuerySchema = z.object({
  /** A message id: return messages older than it. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const threadResponseSchema = z.object({
  /** Oldest first. */
  items: z.array(messageSchema),
  /** Pass as `before` to load the previous page; null at the start of the conversation. */
  nextBefore: idSchema.nullable(),
});

export const clientIdSchema = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'may contain only letters, digits, _ and -' });

/** Sending: the client picks `clientId`; the same id again returns the same message. */
export const sendMessageRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    clientId: clientIdSchema,
    text: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(4096, { message: 'must be at most 4096 characters' }),
    replyToMessageId: idSchema.optional(),
  }),
  z.object({
    type: z.literal('note'),
    clientId: clientIdSchema,
    text: z.string().trim().min(1, { message: 'must not be empty' }).max(10_000),
  }),
  z.object({
    type: z.literal('media'),
    clientId: clientIdSchema,
    /** An id from `POST /api/v1/media`. */
    mediaId: idSchema,
    caption: z.string().trim().max(1024, { message: 'must be at most 1024 characters' }).optional(),
    replyToMessageId: idSchema.optional(),
  }),
  z.object({
    type: z.literal('template'),
    clientId: clientIdSchema,
    templateName: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    parameters: z.array(z.string().max(1024)).max(20).default([]),
    /** For a template with an image, video or document header: an id from `POST /api/v1/media`. */
    headerMediaId: idSchema.optional(),
  }),
]);
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>;

/** A stored file, as `POST /api/v1/media` answers. */
export const mediaSchema = z.object({
  id: idSchema,
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  fileName: z.string().nullable(),
  url: z.string(),
});
export type Media = z.infer<typeof mediaSchema>;

export const mediaParamsSchema = z.object({ mediaId: idSchema });
export const mediaUploadQuerySchema = z.object({
  /** Check the file against this channel's type and size limits before accepting it. */
  channelId: idSchema.optional(),
});
