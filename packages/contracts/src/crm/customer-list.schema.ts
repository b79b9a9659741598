import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';
import { channelTypeSchema } from '../inbox/channels.schema.ts';
import { tagSchema } from '../inbox/customers.schema.ts';

/** Filters of the Customers page, combined with AND (also those of its CSV export). */
export const customerListQuerySchema = z
  .object({
    /** Name, phone (any formatting) or e-mail; accent- and case-insensitive substring. */
    q: z.string().trim().max(100).optional(),
    /** A tag id: customers carrying it. */
    tag: idSchema.optional(),
    /** `me`, `unassigned` or a member id. */
    owner: z.union([z.enum(['me', 'unassigned']), idSchema]).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  /** `field.<customFieldId>=<value>`: the customer's custom field equals the value. */
  .catchall(z.union([z.string(), z.array(z.string())]));
export type CustomerListQuery = z.input<typeof customerListQuerySchema>;

/** One of the customer's conversations, as the Customers page lists it. */
export const customerListConversationSchema = z.object({
  id: idSchema,
  channelType: channelTypeSchema,
  lastActivityAt: timestampSchema,
});

export const customerListItemSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ownerMemberId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  tags: z.array(tagSchema),
  conversationsCount: z.number().int(),
  /** Newest activity of any of their conversations; null when they have none. */
  lastActivityAt: timestampSchema.nullable(),
  /** Their conversations, most recent first. */
  conversations: z.array(customerListConversationSchema),
  createdAt: timestampSchema,
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerListResponseSchema = z.object({
  items: z.array(customerListItemSchema),
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

/** What a customers CSV import did. */
export const customerImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
});
export type CustomerImportResult = z.infer<typeof customerImportResultSchema>;
