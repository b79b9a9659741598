import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentsIcon, classNames, EmptyState, InboxIcon, SearchIcon } from '../../shared/ui/index.ts';
import styles from './ConversationListColumn.module.css';
import { type InboxFilters, type InboxView, VIEWS } from './inbox-filters.ts';
import { StatusTabs } from './StatusTabs.tsx';

const VIEW_LABELS = {
  mine: 'inbox.list.viewMine',
  unassigned: 'inbox.list.viewUnassigned',
  all: 'inbox.list.viewAll',
} as const satisfies Record<InboxView, string>;

type ConversationListColumnProps = {
  filters: InboxFilters;
  onChange: (changes: Partial<InboxFilters>) => void;
  className?: string | undefined;
};

/**
 * Views, search and status tabs over the conversation list. No channel can be connected yet,
 * so the list honestly shows when conversations will appear instead of rows.
 */
export function ConversationListColumn({ filters, onChange, className }: ConversationListColumnProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingId = `${id}-heading`;
  const isComments = filters.channel === 'comments';

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
      {!isComments && (
        <>
          <div className={styles.search}>
            <label htmlFor={`${id}-search`} className="visually-hidden">
              {t('inbox.list.search')}
            </label>
            <SearchIcon size={18} />
            <input
              id={`${id}-search`}
              type="search"
              className={styles.searchInput}
              placeholder={t('inbox.list.searchPlaceholder')}
              value={filters.query}
              onChange={(event) => onChange({ query: event.target.value })}
            />
          </div>
          <StatusTabs value={filters.tab} onChange={(tab) => onChange({ tab })} idPrefix={id} />
        </>
      )}
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
        <div
          id={`${id}-panel`}
          role="tabpanel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: ARIA tabs pattern: a panel without focusable content takes focus
          tabIndex={0}
          aria-labelledby={`${id}-tab-${filters.tab}`}
          className={styles.results}
        >
          <EmptyState icon={<InboxIcon size={26} />} title={t('inbox.list.emptyTitle')} headingLevel={3}>
            {filters.query.trim()
              ? t('inbox.list.emptySearch', { query: filters.query.trim() })
              : t('inbox.list.emptyBody')}
          </EmptyState>
        </div>
      )}
    </section>
  );
}
