import type { Channel, MessageTemplate } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { channelsApi, type UpdateChannelRequest } from './channels.api.ts';

/** Cache key of the workspace's channels (disconnected ones included). */
export const channelsQueryKey = ['channels'] as const;
const webhookSetupQueryKey = ['channels', 'webhook-setup'] as const;
const templatesQueryKey = (channelId: string) => ['channels', channelId, 'templates'] as const;

export function useChannels() {
  return useQuery({ queryKey: channelsQueryKey, queryFn: channelsApi.list });
}

/** Connects a channel and adds it to the list without a refetch. */
export function useConnectChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: channelsApi.connect,
    onSuccess: (channel) =>
      queryClient.setQueryData<Channel[]>(channelsQueryKey, (channels) => [...(channels ?? []), channel]),
  });
}

/** Renames, replaces the token, disconnects or reconnects; swaps in the server's answer. */
export function useUpdateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, changes }: { channelId: string; changes: UpdateChannelRequest }) =>
      channelsApi.update(channelId, changes),
    onSuccess: (updated) =>
      queryClient.setQueryData<Channel[]>(channelsQueryKey, (channels) =>
        channels?.map((channel) => (channel.id === updated.id ? updated : channel)),
      ),
  });
}

/** A live Graph API call with the channel's token; the answer says what Meta replied. */
export function useTestChannel() {
  return useMutation({ mutationFn: channelsApi.test });
}

export function useWebhookSetup() {
  return useQuery({ queryKey: webhookSetupQueryKey, queryFn: channelsApi.webhookSetup, staleTime: Infinity });
}

/** A WhatsApp number's stored templates, loaded only once someone opens them. */
export function useTemplates(channelId: string, enabled: boolean) {
  return useQuery({
    queryKey: templatesQueryKey(channelId),
    queryFn: () => channelsApi.listTemplates(channelId),
    enabled,
  });
}

/** Pulls the templates from the Business Account now and shows the fresh list. */
export function useSyncTemplates(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => channelsApi.syncTemplates(channelId),
    onSuccess: (templates) =>
      queryClient.setQueryData<MessageTemplate[]>(templatesQueryKey(channelId), templates),
  });
}
