import { z } from 'zod';
import { idSchema } from '../common/primitives.ts';
import { tagSchema } from '../inbox/customers.schema.ts';

/** A CSS hex colour `#rrggbb`, stored lower-case. */
export const tagColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour written #rrggbb' })
  .transform((value) => value.toLowerCase());

export const tagNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(40, { message: 'must be at most 40 characters' });

/** A tag with how many customers carry it, for the tag manager. */
export const tagWithUsageSchema = tagSchema.extend({ customerCount: z.number().int() });
export type TagWithUsage = z.infer<typeof tagWithUsageSchema>;

export const tagListResponseSchema = z.object({ items: z.array(tagWithUsageSchema) });

export const tagParamsSchema = z.object({ tagId: idSchema });
export const customerTagParamsSchema = z.object({ customerId: idSchema, tagId: idSchema });

/** The default colour of a tag created without one (slate). */
export const DEFAULT_TAG_COLOR = '#64748b';

export const createTagRequestSchema = z.object({
  name: tagNameSchema,
  color: tagColorSchema.default(DEFAULT_TAG_COLOR),
});
export type CreateTagRequest = z.input<typeof createTagRequestSchema>;

export const updateTagRequestSchema = z.object({
  name: tagNameSchema.optional(),
  color: tagColorSchema.optional(),
});

/** Merging moves every customer of this tag to `into` and deletes this tag. */
export const mergeTagRequestSchema = z.object({ into: idSchema });

/** Tag a customer by name: an existing tag of that name (any case), or a new one. */
export const tagCustomerByNameRequestSchema = createTagRequestSchema;
