import type {
  CreateDealRequest,
  CreateFunnelRequest,
  Deal,
  DealListResponse,
  Funnel,
  UpdateDealRequest,
  UpdateFunnelRequest,
} from '@charla/contracts';
import { requestJson, send } from '../../shared/api/client.ts';

/** The board's filters, as the `GET /deals` query takes them (amounts in minor units). */
export type DealFilters = { funnel: string; owner?: string; minAmount?: number; maxAmount?: number };

function dealQuery(filters: DealFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

const funnelPath = (funnelId: string) => `/funnels/${encodeURIComponent(funnelId)}`;
const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`;

/** Funnels (admins shape them) and the deals moving through their stages. */
export const dealsApi = {
  listFunnels: async (): Promise<Funnel[]> =>
    (await requestJson<{ items: Funnel[] }>('GET', '/funnels')).items,
  createFunnel: (body: CreateFunnelRequest) => requestJson<Funnel>('POST', '/funnels', body),
  updateFunnel: (funnelId: string, body: UpdateFunnelRequest) =>
    requestJson<Funnel>('PATCH', funnelPath(funnelId), body),
  deleteFunnel: async (funnelId: string) => {
    await send('DELETE', funnelPath(funnelId));
  },

  listDeals: (filters: DealFilters) => requestJson<DealListResponse>('GET', `/deals?${dealQuery(filters)}`),
  /** One customer's deals in every funnel. */
  listCustomerDeals: (customerId: string) =>
    requestJson<DealListResponse>('GET', `/deals?${new URLSearchParams({ customer: customerId })}`),
  createDeal: (body: CreateDealRequest) => requestJson<Deal>('POST', '/deals', body),
  updateDeal: (dealId: string, body: UpdateDealRequest) => requestJson<Deal>('PATCH', dealPath(dealId), body),
  deleteDeal: async (dealId: string) => {
    await send('DELETE', dealPath(dealId));
  },
};
