import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';

/** A free-text note about a customer, with who wrote it and when. */
export const customerNoteSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  body: z.string(),
  /** Null when the author's account was removed. */
  author: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type CustomerNote = z.infer<typeof customerNoteSchema>;

export const customerNoteListResponseSchema = z.object({ items: z.array(customerNoteSchema) });

export const customerNoteParamsSchema = z.object({ customerId: idSchema, noteId: idSchema });

export const customerNoteRequestSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(5000, { message: 'must be at most 5000 characters' }),
});
