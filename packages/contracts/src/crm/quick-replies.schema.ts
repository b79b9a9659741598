import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';

/** What the composer's `/` completes: letters, digits, `-` and `_`, no spaces. */
export const quickReplyShortcutSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\//, ''))
  .pipe(
    z
      .string()
      .min(1, { message: 'must not be empty' })
      .max(32, { message: 'must be at most 32 characters' })
      .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'may contain only letters, digits, - and _' }),
  );

/** A saved reply: personal (only its owner sees it) or shared with the workspace. */
export const quickReplySchema = z.object({
  id: idSchema,
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  /** An uploaded file sent with the text (from `POST /media`). */
  media: z
    .object({ id: idSchema, mimeType: z.string(), fileName: z.string().nullable(), url: z.string() })
    .nullable(),
  scope: z.enum(['personal', 'shared']),
  /** The owner of a personal reply. */
  ownerMemberId: idSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type QuickReply = z.infer<typeof quickReplySchema>;

export const quickReplyListResponseSchema = z.object({ items: z.array(quickReplySchema) });
export const quickReplyParamsSchema = z.object({ quickReplyId: idSchema });

export const quickReplyListQuerySchema = z.object({
  /** Shortcut, title or text; case- and accent-insensitive substring. */
  q: z.string().trim().max(100).optional(),
});

const titleSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(80, { message: 'must be at most 80 characters' });
const textSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(4096, { message: 'must be at most 4096 characters' });

export const createQuickReplyRequestSchema = z.object({
  shortcut: quickReplyShortcutSchema,
  title: titleSchema,
  text: textSchema,
  mediaId: idSchema.nullable().default(null),
  /** Shared replies are for everyone (admins and supervisors create them); personal by default. */
  scope: z.enum(['personal', 'shared']).default('personal'),
});

export const updateQuickReplyRequestSchema = z.object({
  shortcut: quickReplyShortcutSchema.optional(),
  title: titleSchema.optional(),
  text: textSchema.optional(),
  mediaId: idSchema.nullable().optional(),
});
