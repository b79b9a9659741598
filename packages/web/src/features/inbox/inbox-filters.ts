import type { ConversationListQuery, ConversationStatus } from '@charla/contracts';

export const VIEWS = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof VIEWS)[number];

export const STATUS_TABS = ['to-resolve', 'resolved', 'all'] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

export const SORTS = ['recent', 'oldest'] as const;
export type InboxSort = (typeof SORTS)[number];

export const READ_STATES = ['unread', 'read'] as const;
export type ReadState = (typeof READ_STATES)[number];

/** The statuses each tab holds: a status filter narrows within its tab. */
export const TAB_STATUSES = {
  'to-resolve': ['new', 'open', 'pending'],
  resolved: ['resolved'],
  all: ['new', 'open', 'pending', 'resolved'],
} as const satisfies Record<StatusTab, readonly ConversationStatus[]>;

/** The list's state lives in the address, so a reload or a shared link shows the same list. */
export type InboxFilters = {
  view: InboxView;
  tab: StatusTab;
  query: string;
  /** `null` is "All channels"; `comments` is the comments view; else a channel id. */
  channel: string | null;
  status: ConversationStatus | null;
  /** A member id (only with the "All" view: Mine and Unassigned already pick the owner). */
  agent: string | null;
  /** Tag ids: conversations whose customer has any of them. */
  tags: readonly string[];
  read: ReadState | null;
  sort: InboxSort;
  /** One custom field and the value the customer's field must equal. */
  field: FieldFilter | null;
};

export type FieldFilter = { id: string; value: string };

/** Address and API both carry a custom-field filter as `field.<customFieldId>=<value>`. */
const FIELD_PREFIX = 'field.';

export const DEFAULT_FILTERS: InboxFilters = {
  view: 'all',
  tab: 'to-resolve',
  query: '',
  channel: null,
  status: null,
  agent: null,
  tags: [],
  read: null,
  sort: 'recent',
  field: null,
};

function oneOf<T extends string>(options: readonly T[], value: string | null): T | null {
  return options.find((option) => option === value) ?? null;
}

/** Reads filters from the address; anything unknown falls back to the default. */
export function filtersFromSearch(params: URLSearchParams): InboxFilters {
  const tab = oneOf(STATUS_TABS, params.get('tab')) ?? DEFAULT_FILTERS.tab;
  const view = oneOf(VIEWS, params.get('view')) ?? DEFAULT_FILTERS.view;
  const status = oneOf<ConversationStatus>(TAB_STATUSES[tab], params.get('status'));
  return {
    view,
    tab,
    query: params.get('q') ?? '',
    channel: params.get('channel') || null,
    status,
    agent: view === 'all' ? params.get('agent') || null : null,
    tags: (params.get('tag') ?? '').split(',').filter(Boolean),
    read: oneOf(READ_STATES, params.get('read')),
    sort: oneOf(SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
    field: fieldFromSearch(params),
  };
}

/** The first `field.<id>=<value>` with both parts present, else none. */
function fieldFromSearch(params: URLSearchParams): FieldFilter | null {
  for (const [key, value] of params) {
    const id = key.startsWith(FIELD_PREFIX) ? key.slice(FIELD_PREFIX.length) : '';
    if (id && value.trim()) return { id, value };
  }
  return null;
}

/** Writes filters to the address, leaving defaults out so links stay short. */
export function searchFromFilters(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.view !== DEFAULT_FILTERS.view) search.set('view', filters.view);
  if (filters.tab !== DEFAULT_FILTERS.tab) search.set('tab', filters.tab);
  if (filters.query) search.set('q', filters.query);
  if (filters.channel) search.set('channel', filters.channel);
  if (filters.status) search.set('status', filters.status);
  if (filters.agent && filters.view === 'all') search.set('agent', filters.agent);
  if (filters.tags.length > 0) search.set('tag', filters.tags.join(','));
  if (filters.read) search.set('read', filters.read);
  if (filters.sort !== DEFAULT_FILTERS.sort) search.set('sort', filters.sort);
  if (filters.field) search.set(`${FIELD_PREFIX}${filters.field.id}`, filters.field.value);
  return search;
}

/**
 * Applies a change the way the controls mean it: a new tab drops a status that is not in it,
 * a view other than "All" drops the agent, picking an agent switches to "All".
 */
export function changeFilters(filters: InboxFilters, changes: Partial<InboxFilters>): InboxFilters {
  const next = { ...filters, ...changes };
  if (changes.agent) next.view = 'all';
  if (next.view !== 'all') next.agent = null;
  if (next.status && !(TAB_STATUSES[next.tab] as readonly ConversationStatus[]).includes(next.status)) {
    next.status = null;
  }
  return next;
}

/** The list query as the address bar carries it: every value a string. */
export type ListQuery = { [K in keyof ConversationListQuery]?: string } & Pick<
  ConversationListQuery,
  'tab' | 'sort'
> & { [field: `${typeof FIELD_PREFIX}${string}`]: string };

/** `GET /conversations` query parameters for these filters (no cursor). */
export function toListQuery(filters: InboxFilters): ListQuery {
  const query: ListQuery = {
    tab: filters.tab === 'to-resolve' ? 'to_resolve' : filters.tab,
    sort: filters.sort,
  };
  const assignee =
    filters.view === 'mine' ? 'me' : filters.view === 'unassigned' ? 'unassigned' : filters.agent;
  if (assignee) query.assignee = assignee;
  if (filters.channel && filters.channel !== 'comments') query.channel = filters.channel;
  if (filters.status) query.status = filters.status;
  if (filters.tags.length > 0) query.tag = filters.tags.join(',');
  if (filters.read) query.unread = String(filters.read === 'unread');
  if (filters.field) query[`${FIELD_PREFIX}${filters.field.id}`] = filters.field.value.trim();
  const q = filters.query.trim();
  if (q) query.q = q;
  return query;
}

/**
 * Drops a custom-field filter whose field the workspace no longer has (a link from before the
 * field was deleted), so the list shows instead of the server's refusal.
 */
export function withoutUnknownField(
  filters: InboxFilters,
  fields: readonly { id: string }[] | undefined,
): InboxFilters {
  const field = filters.field;
  if (!field || !fields || fields.some((item) => item.id === field.id)) return filters;
  return { ...filters, field: null };
}
