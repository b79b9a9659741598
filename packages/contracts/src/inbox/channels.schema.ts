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
  /** The last characters of the stored access token, to recognise it; never the token. */
  tokenHint: z.string().nullable(),
  /** Whether the channel has its own app secret (else the server's META_APP_SECRET signs). */
  hasAppSecret: z.boolean(),
  createdAt: timestampSchema,
});
export type Channel = z.infer<typeof channelSchema>;

const graphId = z
  .string()
  .trim()
  .regex(/^\d{5,30}$/, { message: 'must be the numeric id Meta shows' });
const tokenSchema = z.string().trim().min(8, { message: 'must be a Meta access token' }).max(2000);
const appSecretSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{16,64}$/, { message: 'must be the app secret from the App Dashboard' });

/** Connecting a channel: the ids Meta shows for the asset, and a token that may send. */
export const createChannelRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('whatsapp'),
    name: nameSchema,
    phoneNumberId: graphId,
    wabaId: graphId,
    displayPhoneNumber: z.string().trim().max(30).optional(),
    accessToken: tokenSchema,
    appSecret: appSecretSchema.optional(),
  }),
  z.object({
    type: z.literal('messenger'),
    name: nameSchema,
    pageId: graphId,
    accessToken: tokenSchema,
    appSecret: appSecretSchema.optional(),
  }),
  z.object({
    type: z.literal('instagram'),
    name: nameSchema,
    instagramAccountId: graphId,
    /** The Facebook Page linked to the account (Messenger Platform path). */
    pageId: graphId.optional(),
    username: z.string().trim().max(60).optional(),
    accessToken: tokenSchema,
    appSecret: appSecretSchema.optional(),
  }),
]);
export type CreateChannelRequest = z.input<typeof createChannelRequestSchema>;

export const updateChannelRequestSchema = z
  .object({
    name: nameSchema,
    accessToken: tokenSchema,
    appSecret: appSecretSchema.nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'must change at least one field' });

export const channelParamsSchema = z.object({ channelId: idSchema });

/** The result of a live Graph API call with the channel's token. */
export const channelTestResponseSchema = z.object({ ok: z.boolean(), detail: z.string() });

/** What an admin pastes into the Meta App Dashboard. */
export const webhookSetupResponseSchema = z.object({
  webhookUrl: z.string(),
  verifyToken: z.string().nullable(),
});

export const channelListResponseSchema = z.object({ items: z.array(channelSchema) });
