import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';

/** A WhatsApp message template synced from the WhatsApp Business Account. */
export const messageTemplateSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  name: z.string(),
  language: z.string(),
  category: z.string(),
  /** APPROVED templates can be sent; PENDING, REJECTED, PAUSED cannot. */
  status: z.string(),
  /** Header format (TEXT, IMAGE, VIDEO, DOCUMENT) and its text, if any. */
  header: z.object({ format: z.string(), text: z.string().nullable() }).nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  /** The body's variables in order: `1`, `2`… (positional) or their names (named). */
  variables: z.array(z.string()),
  buttons: z.array(z.object({ type: z.string(), text: z.string() })),
  syncedAt: timestampSchema,
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const templateListResponseSchema = z.object({ items: z.array(messageTemplateSchema) });
