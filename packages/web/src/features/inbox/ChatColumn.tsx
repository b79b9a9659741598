import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatIcon, classNames, EmptyState, PanelIcon } from '../../shared/ui/index.ts';
import { ChatView } from '../chat/index.ts';
import { quickReplySuggestions } from '../quick-replies/index.ts';
import styles from './ChatColumn.module.css';

type ChatColumnProps = {
  /** The open conversation, or null when none is selected. */
  conversationId: string | null;
  /** Back to the list (the phone layout shows one pane at a time). */
  onBack: () => void;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
  className?: string | undefined;
};

/** The middle column: the open conversation, or what will show here once one is selected. */
export function ChatColumn({
  conversationId,
  onBack,
  panelOpen,
  panelId,
  onTogglePanel,
  className,
}: ChatColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  if (conversationId) {
    return (
      <div className={classNames(styles.column, className)}>
        <ChatView
          key={conversationId}
          conversationId={conversationId}
          onBack={onBack}
          panelOpen={panelOpen}
          panelId={panelId}
          onTogglePanel={onTogglePanel}
          suggestions={quickReplySuggestions}
        />
      </div>
    );
  }
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
