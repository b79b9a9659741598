import type { CustomerImportResult, CustomerListResponse, OrderImport } from '@charla/contracts';
import { API_BASE, requestJson } from '../../shared/api/client.ts';

/** The Customers page's list, its CSV export link and the CSV imports of customers and orders. */
export const customersApi = {
  list: (query: URLSearchParams, cursor: string | null) => {
    const page = new URLSearchParams(query);
    if (cursor) page.set('cursor', cursor);
    return requestJson<CustomerListResponse>('GET', `/customers?${page.toString()}`);
  },
  exportUrl: (query: URLSearchParams) => `${API_BASE}/customers/export.csv?${query.toString()}`,
  importCsv: (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return requestJson<CustomerImportResult>('POST', '/customers/import', body);
  },
  /** Checks the whole file at once (400 names each bad line), then stores it in the background. */
  importOrdersCsv: (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return requestJson<OrderImport>('POST', '/orders/import', body);
  },
  orderImport: (importId: string) =>
    requestJson<OrderImport>('GET', `/orders/imports/${encodeURIComponent(importId)}`),
};
