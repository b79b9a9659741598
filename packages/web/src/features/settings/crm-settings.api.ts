import type { CustomField, CustomFieldType, Tag, TagWithUsage } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, send } from '../../shared/api/client.ts';

const tagPath = (tagId: string) => `/tags/${encodeURIComponent(tagId)}`;
const fieldPath = (fieldId: string) => `/custom-fields/${encodeURIComponent(fieldId)}`;

/** The workspace's tags and custom fields, as the settings pages manage them (admins). */
export const crmSettingsApi = {
  listTags: async (): Promise<TagWithUsage[]> =>
    (await requestJson<{ items: TagWithUsage[] }>('GET', '/tags')).items,
  createTag: (body: { name: string; color: string }) => requestJson<Tag>('POST', '/tags', body),
  updateTag: ({ tagId, ...body }: { tagId: string; name?: string; color?: string }) =>
    requestJson<Tag>('PATCH', tagPath(tagId), body),
  mergeTag: ({ tagId, into }: { tagId: string; into: string }) =>
    requestJson<unknown>('POST', `${tagPath(tagId)}/merge`, { into }),
  deleteTag: async (tagId: string) => {
    await send('DELETE', tagPath(tagId));
  },

  listFields: async (): Promise<CustomField[]> =>
    (await requestJson<{ items: CustomField[] }>('GET', '/custom-fields')).items,
  createField: (body: { name: string; type: CustomFieldType; options?: string[] }) =>
    requestJson<CustomField>('POST', '/custom-fields', body),
  updateField: ({ fieldId, ...body }: { fieldId: string; name?: string; options?: string[] }) =>
    requestJson<CustomField>('PATCH', fieldPath(fieldId), body),
  deleteField: async (fieldId: string) => {
    await send('DELETE', fieldPath(fieldId));
  },
};

export const tagsQueryKey = ['tags'] as const;
export const customFieldsQueryKey = ['custom-fields'] as const;

export function useTags() {
  return useQuery({ queryKey: tagsQueryKey, queryFn: crmSettingsApi.listTags });
}

export function useCustomFields() {
  return useQuery({ queryKey: customFieldsQueryKey, queryFn: crmSettingsApi.listFields });
}

/** A change that reloads one list afterwards (tags carry counts only the server knows). */
export function useReloadingMutation<Input, Output>(
  queryKey: readonly string[],
  mutationFn: (input: Input) => Promise<Output>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey }) });
}
