import type { OrderImport } from '@charla/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customersApi } from './customers.api.ts';

const customersKey = ['customer-list'] as const;

/** The list under these filters, a page at a time ("Load more" asks for the next). */
export function useCustomerList(query: URLSearchParams) {
  return useInfiniteQuery({
    queryKey: [...customersKey, query.toString()],
    queryFn: ({ pageParam }) => customersApi.list(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Imports a CSV file, then reloads the list. */
export function useImportCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: customersApi.importCsv,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}

/** Sends an orders CSV; the import then runs in the background (see `useOrderImport`). */
export function useImportOrders() {
  return useMutation({ mutationFn: customersApi.importOrdersCsv });
}

const IMPORT_POLL_MS = 1000;
/** Whether an orders import is still at work (waiting, checking its lines or storing its orders). */
export const isImportRunning = (status: OrderImport['status'] | undefined) =>
  status === 'queued' || status === 'checking' || status === 'storing';

/**
 * An orders import's progress, asked again every second until it is done or failed; asked
 * again in the new language when the user switches (the server words its problems).
 */
export function useOrderImport(started: OrderImport | undefined) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['order-import', started?.id, i18n.language],
    queryFn: async () => {
      const progress = await customersApi.orderImport(started?.id ?? '');
      if (progress.status === 'done') await queryClient.invalidateQueries({ queryKey: ['customers'] });
      return progress;
    },
    enabled: Boolean(started),
    initialData: started,
    refetchInterval: (query) => (isImportRunning(query.state.data?.status) ? IMPORT_POLL_MS : false),
  });
}
