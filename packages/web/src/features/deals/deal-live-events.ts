import type { RealtimeEvent } from '@charla/contracts';
import type { QueryKey } from '@tanstack/react-query';
import type { DealFilters } from './deals.api.ts';

export const funnelsQueryKey = ['funnels'] as const;
/** Every cached deal list: boards and customer panels. */
export const dealsQueryKey = ['deals'] as const;
export const boardQueryKey = (filters: DealFilters | null) => [...dealsQueryKey, filters] as const;
export const customerDealsQueryKey = (customerId: string) =>
  [...dealsQueryKey, 'customer', customerId] as const;

/** What a live event makes stale: the funnel list, and which cached deal lists. */
export type StaleDeals = { funnels: boolean; dealList: (queryKey: QueryKey) => boolean };

function boardFunnel(queryKey: QueryKey): string | null {
  const filters = queryKey[1];
  return typeof filters === 'object' && filters !== null && 'funnel' in filters
    ? String(filters.funnel)
    : null;
}

function panelCustomer(queryKey: QueryKey): string | null {
  return queryKey[1] === 'customer' && typeof queryKey[2] === 'string' ? queryKey[2] : null;
}

/**
 * The deal queries a live event makes stale: a deal change, the boards of the funnels it is and
 * was in and the panels of its customers (whatever the board's other filters, since the event
 * says nothing about owner or amount); a funnel change, the funnel list and that funnel's boards.
 * Null for events about anything else.
 */
export function staleDealsAfter(event: RealtimeEvent): StaleDeals | null {
  switch (event.type) {
    case 'deal.changed': {
      const funnels = new Set(event.funnelIds);
      const customers = new Set(event.customerIds);
      return {
        funnels: false,
        dealList: (queryKey) =>
          funnels.has(boardFunnel(queryKey) ?? '') || customers.has(panelCustomer(queryKey) ?? ''),
      };
    }
    case 'funnel.changed':
      return { funnels: true, dealList: (queryKey) => boardFunnel(queryKey) === event.funnelId };
    case 'message.created':
    case 'message.updated':
    case 'conversation.updated':
    case 'conversation.removed':
    case 'member.updated':
    case 'reminder.due':
      return null;
  }
}
