import { useSearchParams } from 'react-router';

export const VIEWS = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof VIEWS)[number];

export const STATUS_TABS = ['to-resolve', 'resolved', 'all'] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

/** The list's state lives in the address, so a reload or a shared link shows the same list. */
export type InboxFilters = {
  view: InboxView;
  tab: StatusTab;
  query: string;
  /** `null` is "All channels"; `comments` is the comments view. Channel ids come later. */
  channel: string | null;
};

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

/** Reads and updates the inbox filters in the URL search params (replacing history entries). */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const filters: InboxFilters = {
    view: oneOf(VIEWS, params.get('view'), 'all'),
    tab: oneOf(STATUS_TABS, params.get('tab'), 'to-resolve'),
    query: params.get('q') ?? '',
    channel: params.get('channel'),
  };

  function update(changes: Partial<InboxFilters>): void {
    const next = { ...filters, ...changes };
    const search = new URLSearchParams();
    if (next.view !== 'all') search.set('view', next.view);
    if (next.tab !== 'to-resolve') search.set('tab', next.tab);
    if (next.query) search.set('q', next.query);
    if (next.channel) search.set('channel', next.channel);
    setParams(search, { replace: true });
  }

  return { filters, update };
}
