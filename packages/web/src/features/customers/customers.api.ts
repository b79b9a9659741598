import type { CustomerImportResult, CustomerListResponse } from '@charla/contracts';
import { API_BASE, requestJson } from '../../shared/api/client.ts';

/** The Customers page's list, its CSV export link and the CSV import. */
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
};
