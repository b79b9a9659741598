import type {
  Channel,
  CreateChannelRequest,
  channelListResponseSchema,
  channelTestResponseSchema,
  MessageTemplate,
  templateListResponseSchema,
  updateChannelRequestSchema,
  webhookSetupResponseSchema,
} from '@charla/contracts';
import type { z } from 'zod';
import { requestJson } from '../../shared/api/client.ts';

// Contracts export schemas for these; the web app only needs their types (no zod at runtime).
export type UpdateChannelRequest = z.input<typeof updateChannelRequestSchema>;
export type ChannelTestResponse = z.output<typeof channelTestResponseSchema>;
export type WebhookSetupResponse = z.output<typeof webhookSetupResponseSchema>;
type ChannelListResponse = z.output<typeof channelListResponseSchema>;
type TemplateListResponse = z.output<typeof templateListResponseSchema>;

const channelPath = (channelId: string) => `/channels/${encodeURIComponent(channelId)}`;

/** The channel and template endpoints settings uses, through the one API client (CSRF included). */
export const channelsApi = {
  list: async (): Promise<Channel[]> => (await requestJson<ChannelListResponse>('GET', '/channels')).items,
  connect: (body: CreateChannelRequest) => requestJson<Channel>('POST', '/channels', body),
  update: (channelId: string, body: UpdateChannelRequest) =>
    requestJson<Channel>('PATCH', channelPath(channelId), body),
  test: (channelId: string) => requestJson<ChannelTestResponse>('POST', `${channelPath(channelId)}/test`),
  webhookSetup: () => requestJson<WebhookSetupResponse>('GET', '/channels/webhook-setup'),
  listTemplates: async (channelId: string): Promise<MessageTemplate[]> =>
    (await requestJson<TemplateListResponse>('GET', `${channelPath(channelId)}/templates`)).items,
  syncTemplates: async (channelId: string): Promise<MessageTemplate[]> =>
    (await requestJson<TemplateListResponse>('POST', `${channelPath(channelId)}/templates/sync`)).items,
};
