import { z } from 'zod';

/** Sortable string ids (UUIDv7). */
export const idSchema = z.string().min(1).max(64);

/** Epoch milliseconds. */
export const timestampSchema = z.number().int().nonnegative();

/** A trimmed e-mail address, stored lower-case. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid e-mail address' }));

/** Passwords: long enough to resist guessing, short enough to hash quickly. */
export const passwordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

/** A person's or a workspace's display name. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(120, { message: 'must be at most 120 characters' });

export const localeSchema = z.enum(['en', 'es']);
export type Locale = z.infer<typeof localeSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });
