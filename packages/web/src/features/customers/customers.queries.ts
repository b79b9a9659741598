import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
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
