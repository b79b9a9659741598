import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatIcon, classNames, EmptyState, PanelIcon } from '../../shared/ui/index.ts';
import styles from './ChatColumn.module.css';

type ChatColumnProps = {
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
  className?: string | undefined;
};

/** Where an open conversation will show; until one is selected, it says so. */
export function ChatColumn({ panelOpen, panelId, onTogglePanel, className }: ChatColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const toggleLabel = panelOpen ? t('inbox.chat.hidePanel') : t('inbox.chat.showPanel');
  return (
    <section aria-labelledby={headingId} className={classNames(styles.column, className)}>
      <div className={styles.toolbar}>
        <h2 id={headingId} className="visually-hidden">
          {t('inbox.chat.label')}
        </h2>
        <button
          type="button"
          className={styles.panelToggle}
          aria-expanded={panelOpen}
          aria-controls={panelId}
          aria-label={toggleLabel}
          title={toggleLabel}
          onClick={onTogglePanel}
        >
          <PanelIcon />
        </button>
      </div>
      <EmptyState
        icon={<ChatIcon size={26} />}
        title={t('inbox.chat.emptyTitle')}
        headingLevel={3}
        className={styles.empty}
      >
        {t('inbox.chat.emptyBody')}
      </EmptyState>
    </section>
  );
}
