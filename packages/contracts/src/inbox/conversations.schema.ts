import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';
import { channelTypeSchema } from './channels.schema.ts';
import { tagSchema } from './customers.schema.ts';
import { deliveryStateSchema, messageDirectionSchema, messageKindSchema } from './messages.schema.ts';

export const CONVERSATION_STATUSES = ['new', 'open', 'pending', 'resolved'] as const;
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
/** new → open (a member opened it) → pending (first reply) → resolved (by hand). */
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const INBOX_TABS = ['to_resolve', 'resolved', 'all'] as const;
export const inboxTabSchema = z.enum(INBOX_TABS);
export type InboxTab = z.infer<typeof inboxTabSchema>;

/** One row of the conversation list: everything the row shows, in one object. */
export const conversationSchema = z.object({
  id: idSchema,
  status: conversationStatusSchema,
  channel: z.object({ id: idSchema, type: channelTypeSchema, name: z.string() }),
  customer: z.object({
    id: idSchema,
    displayName: z.string(),
    phone: z.string().nullable(),
    botEnabled: z.boolean(),
    blocked: z.boolean(),
    tags: z.array(tagSchema),
  }),
  /** The customer's owner (assignment is per customer). */
  assignee: z.object({ id: idSchema, name: z.string() }).nullable(),
  lastMessage: z
    .object({
      preview: z.string(),
      kind: messageKindSchema,
      direction: messageDirectionSchema,
      deliveryState: deliveryStateSchema.nullable(),
    })
    .nullable(),
  unreadCount: z.number().int().nonnegative(),
  lastActivityAt: timestampSchema,
  /** When the customer last wrote: the 24-hour window runs from here. */
  lastInboundAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  /** The customer has a reminder scheduled (the list marks the row). */
  pendingReminder: z.boolean(),
});
export type Conversation = z.infer<typeof conversationSchema>;

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** Filters of the conversation list, combined with AND. */
export const conversationListQuerySchema = z
  .object({
    tab: inboxTabSchema.default('to_resolve'),
    status: conversationStatusSchema.optional(),
    /** `me`, `unassigned` or a member id. */
    assignee: z.string().min(1).optional(),
    channel: idSchema.optional(),
    /** Tag ids, comma separated: conversations whose customer has any of them. */
    tag: commaList.pipe(z.array(idSchema).max(20)).optional(),
    unread: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    /** Name, phone (any formatting) or e-mail; accent- and case-insensitive substring. */
    q: z.string().trim().max(100).optional(),
    sort: z.enum(['recent', 'oldest']).default('recent'),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  /**
   * `field.<customFieldId>=<value>`: the customer's custom field equals the value (list fields:
   * any of several, comma separated or repeated). Checked against the field's type by the server.
   */
  .catchall(z.union([z.string(), z.array(z.string())]));
export type ConversationListQuery = z.input<typeof conversationListQuerySchema>;

export const conversationListResponseSchema = z.object({
  items: z.array(conversationSchema),
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
});

export const conversationCountsResponseSchema = z.object({
  tabs: z.object({ to_resolve: z.number(), resolved: z.number(), all: z.number() }),
  statuses: z.object({ new: z.number(), open: z.number(), pending: z.number(), resolved: z.number() }),
  /** Per channel: conversations in the current tab filter, and how many have unread messages. */
  channels: z.array(z.object({ channelId: idSchema, total: z.number(), unread: z.number() })),
  unread: z.number(),
});
export type ConversationCounts = z.infer<typeof conversationCountsResponseSchema>;

export const conversationParamsSchema = z.object({ conversationId: idSchema });

export const assignRequestSchema = z.object({
  /** The new owner, or null to unassign. */
  memberId: idSchema.nullable(),
  /**
   * Compare-and-set: the owner the client believes is current. When given and no longer true,
   * the request fails with ASSIGNMENT_CONFLICT instead of overwriting someone else's claim.
   */
  expectedMemberId: idSchema.nullable().optional(),
});

export const setStatusRequestSchema = z.object({ status: conversationStatusSchema });
export const setReadRequestSchema = z.object({ read: z.boolean() });
export const setBotRequestSchema = z.object({ enabled: z.boolean() });
export const setBlockedRequestSchema = z.object({ blocked: z.boolean() });
