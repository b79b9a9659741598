import { useSearchParams } from 'react-router';
import { useCustomFields } from '../settings/crm-settings.api.ts';
import {
  changeFilters,
  filtersFromSearch,
  type InboxFilters,
  searchFromFilters,
  withoutUnknownField,
} from './inbox-filters.ts';

/** Reads and updates the inbox filters in the URL search params (replacing history entries). */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const filters = withoutUnknownField(filtersFromSearch(params), useCustomFields().data);

  function update(changes: Partial<InboxFilters>): void {
    setParams(searchFromFilters(changeFilters(filters, changes)), { replace: true });
  }

  return { filters, update };
}
