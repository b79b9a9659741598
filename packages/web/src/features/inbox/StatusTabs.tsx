import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_TABS, type StatusTab } from './inbox-filters.ts';
import styles from './StatusTabs.module.css';

const TAB_LABELS = {
  'to-resolve': 'inbox.list.tabToResolve',
  resolved: 'inbox.list.tabResolved',
  all: 'inbox.list.tabAll',
} as const satisfies Record<StatusTab, string>;

/** Exact below 10,000; "12K" / "12 mil" above, so three tabs keep fitting the column. */
function formatCount(count: number, language: string | undefined): string {
  const notation = count < 10_000 ? 'standard' : 'compact';
  return new Intl.NumberFormat(language, { notation }).format(count);
}

type StatusTabsProps = {
  value: StatusTab;
  onChange: (tab: StatusTab) => void;
  /** The id prefix shared with the tab panel (`<prefix>-panel`). */
  idPrefix: string;
  /** Conversations in each tab under the other filters; absent until loaded. */
  counts?: Record<StatusTab, number> | undefined;
};

/** To resolve / Resolved / All as an ARIA tab list: arrow keys, Home and End move between tabs. */
export function StatusTabs({ value, onChange, idPrefix, counts }: StatusTabsProps) {
  const { t, i18n } = useTranslation();
  const tabRefs = useRef(new Map<StatusTab, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = STATUS_TABS.indexOf(value);
    const last = STATUS_TABS.length - 1;
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = STATUS_TABS[(target + STATUS_TABS.length) % STATUS_TABS.length];
    if (!next) return;
    onChange(next);
    tabRefs.current.get(next)?.focus();
  }

  return (
    <div role="tablist" aria-label={t('inbox.list.tabs')} className={styles.tabs} onKeyDown={handleKeyDown}>
      {STATUS_TABS.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) tabRefs.current.set(tab, element);
            else tabRefs.current.delete(tab);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab}`}
          aria-selected={tab === value}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab === value ? 0 : -1}
          className={styles.tab}
          onClick={() => onChange(tab)}
        >
          {t(TAB_LABELS[tab])}
          {counts && <span className={styles.count}>{formatCount(counts[tab], i18n.resolvedLanguage)}</span>}
        </button>
      ))}
    </div>
  );
}
