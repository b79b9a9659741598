import type { Channel, ConversationCounts, Member } from '@charla/contracts';
import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button, CommentsIcon, classNames, EmptyState, InboxIcon } from '../../shared/ui/index.ts';
import { ConversationList } from './ConversationList.tsx';
import styles from './ConversationListColumn.module.css';
import { visibleRows } from './conversation-list-patch.ts';
import { useConversationList } from './conversations.queries.ts';
import { FilterBar } from './FilterBar.tsx';
import { type InboxFilters, type InboxView, VIEWS } from './inbox-filters.ts';
import { SearchBox } from './SearchBox.tsx';
import { StatusTabs } from './StatusTabs.tsx';

const VIEW_LABELS = {
  mine: 'inbox.list.viewMine',
  unassigned: 'inbox.list.viewUnassigned',
  all: 'inbox.list.viewAll',
} as const satisfies Record<InboxView, string>;

type ConversationListColumnProps = {
  filters: InboxFilters;
  onChange: (changes: Partial<InboxFilters>) => void;
  counts: ConversationCounts | undefined;
  members: readonly Member[];
  channels: readonly Channel[];
  selectedId: string | null;
  hrefFor: (conversationId: string) => string;
  onOpen: (conversationId: string) => void;
  className?: string | undefined;
};

/** Whether any filter beyond view and tab narrows the list (for the empty state's wording). */
function isNarrowed(filters: InboxFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.status !== null ||
    filters.agent !== null ||
    filters.tags.length > 0 ||
    filters.read !== null ||
    filters.field !== null ||
    filters.channel !== null
  );
}

/** Views, search, filters and status tabs over the live, virtualised conversation list. */
export function ConversationListColumn(props: ConversationListColumnProps) {
  const { filters, onChange, counts, members, channels, selectedId, hrefFor, onOpen, className } = props;
  const { t } = useTranslation();
  const id = useId();
  const headingId = `${id}-heading`;
  const isComments = filters.channel === 'comments';
  const list = useConversationList(filters);
  const error = useErrorText(list.error);
  const rows = useMemo(() => visibleRows(list.data?.pages.map((page) => page.items) ?? []), [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSearch = useCallback((query: string) => onChange({ query }), [onChange]);

  return (
    <section aria-labelledby={headingId} className={classNames(styles.column, className)}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          {isComments ? t('inbox.rail.comments') : t('inbox.list.label')}
        </h2>
        {!isComments && (
          // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
          <div role="group" aria-label={t('inbox.list.views')} className={styles.views}>
            {VIEWS.map((view) => (
              <button
                key={view}
                type="button"
                aria-pressed={filters.view === view}
                className={styles.view}
                onClick={() => onChange({ view })}
              >
                {t(VIEW_LABELS[view])}
              </button>
            ))}
          </div>
        )}
      </div>
      {isComments ? (
        <div className={styles.results}>
          <EmptyState
            icon={<CommentsIcon size={26} />}
            title={t('inbox.list.commentsTitle')}
            headingLevel={3}
          >
            {t('inbox.list.commentsBody')}
          </EmptyState>
        </div>
      ) : (
        <>
          <SearchBox value={filters.query} onSearch={onSearch} />
          <FilterBar filters={filters} onChange={onChange} members={members} channels={channels} />
          <StatusTabs
            value={filters.tab}
            onChange={(tab) => onChange({ tab })}
            idPrefix={id}
            counts={
              counts && {
                'to-resolve': counts.tabs.to_resolve,
                resolved: counts.tabs.resolved,
                all: counts.tabs.all,
              }
            }
          />
          <div
            id={`${id}-panel`}
            role="tabpanel"
            aria-labelledby={`${id}-tab-${filters.tab}`}
            aria-busy={list.isPending}
            className={styles.results}
          >
            {list.isError ? (
              <Alert tone="danger" className={styles.error}>
                {error?.message}{' '}
                <Button variant="secondary" onClick={() => void list.refetch()}>
                  {t('inbox.list.retry')}
                </Button>
              </Alert>
            ) : list.isPending ? (
              <p className={styles.loading}>{t('inbox.list.loading')}</p>
            ) : rows.length === 0 ? (
              <EmptyState
                icon={<InboxIcon size={26} />}
                title={isNarrowed(filters) ? t('inbox.list.noMatchesTitle') : t('inbox.list.emptyTitle')}
                headingLevel={3}
              >
                {isNarrowed(filters) ? t('inbox.list.emptyFiltered') : t('inbox.list.emptyBody')}
              </EmptyState>
            ) : (
              <ConversationList
                rows={rows}
                hasMore={hasNextPage}
                loadingMore={isFetchingNextPage}
                onLoadMore={loadMore}
                selectedId={selectedId}
                hrefFor={hrefFor}
                onOpen={onOpen}
                label={t('inbox.list.label')}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
