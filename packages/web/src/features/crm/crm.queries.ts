import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { crmApi } from './crm.api.ts';

/** Cache keys of the CRM parts of a customer, under the customer's own key. */
export const crmKeys = {
  notes: (customerId: string) => ['customers', customerId, 'notes'] as const,
  fields: (customerId: string) => ['customers', customerId, 'custom-fields'] as const,
  orders: (customerId: string) => ['customers', customerId, 'orders'] as const,
  reminders: (customerId: string) => ['customers', customerId, 'reminders'] as const,
  tags: ['tags'] as const,
  timeZone: ['workspace', 'time-zone'] as const,
};

export const useNotes = (customerId: string) =>
  useQuery({ queryKey: crmKeys.notes(customerId), queryFn: () => crmApi.listNotes(customerId) });
export const useFieldValues = (customerId: string) =>
  useQuery({ queryKey: crmKeys.fields(customerId), queryFn: () => crmApi.listFieldValues(customerId) });
export const useOrders = (customerId: string) =>
  useQuery({ queryKey: crmKeys.orders(customerId), queryFn: () => crmApi.listOrders(customerId) });
export const useReminders = (customerId: string) =>
  useQuery({ queryKey: crmKeys.reminders(customerId), queryFn: () => crmApi.listReminders(customerId) });
export const useAllTags = (enabled: boolean) =>
  useQuery({ queryKey: crmKeys.tags, queryFn: crmApi.listTags, enabled });
export const useWorkspaceTimeZone = () =>
  useQuery({ queryKey: crmKeys.timeZone, queryFn: crmApi.workspaceTimeZone, staleTime: 5 * 60_000 });

/** A write that refreshes the listed caches once it succeeds; errors stay on the mutation. */
export function useCrmWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  refresh: readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey, exact: true })));
    },
  });
}
