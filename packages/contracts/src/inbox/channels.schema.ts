import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from '../common/primitives.ts';

export const CHANNEL_TYPES = ['whatsapp', 'messenger', 'instagram'] as const;
export const channelTypeSchema = z.enum(CHANNEL_TYPES);
/** whatsapp: a Cloud API phone number; messenger: a Facebook Page; instagram: a professional account. */
export type ChannelType = z.infer<typeof channelTypeSchema>;

/** A connected channel as members see it: never the whole access token. */
export const channelSchema = z.object({
  id: idSchema,
  type: channelTypeSchema,
  name: nameSchema,
  /** phone_number_id, Page id or Instagram account id: how webhooks are routed. */
  externalId: z.string(),
  /** WABA id (WhatsApp) or the linked Page id (Instagram). */
  accountId: z.string().nullable(),
  /** The display phone number, Page name or @username. */
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: timestampSchema,
});
export type Channel = z.infer<typeof channelSchema>;

export const channelListResponseSchema = z.object({ items: z.array(channelSchema) });
