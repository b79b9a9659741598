import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/ui/index.ts';
import { ChannelRail } from './ChannelRail.tsx';
import { ChatColumn } from './ChatColumn.tsx';
import { ConversationListColumn } from './ConversationListColumn.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import styles from './InboxPage.module.css';
import { type InboxFilters, useInboxFilters } from './inbox-filters.ts';
import { type Pane, PaneSwitcher } from './PaneSwitcher.tsx';
import { useCustomerPanelOpen } from './useCustomerPanelOpen.ts';

/**
 * The agent's workspace: channel rail, conversation list, chat and customer panel side by side;
 * on a phone, one of them at a time.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const { filters, update } = useInboxFilters();
  const [pane, setPane] = useState<Pane>('list');
  const [panelOpen, togglePanel] = useCustomerPanelOpen();
  const panelId = useId();

  function handleSelectChannel(channel: InboxFilters['channel']) {
    update({ channel });
    setPane('list');
  }

  return (
    <div className={styles.inbox} data-pane={pane} data-panel={panelOpen ? 'open' : 'closed'}>
      <ChannelRail className={styles.rail} channel={filters.channel} onSelect={handleSelectChannel} />
      <main id="main" tabIndex={-1} className={styles.main}>
        <h1 className="visually-hidden">{t('inbox.title')}</h1>
        <ConversationListColumn className={styles.list} filters={filters} onChange={update} />
        <ChatColumn
          className={styles.chat}
          panelOpen={panelOpen}
          panelId={panelId}
          onTogglePanel={togglePanel}
        />
      </main>
      <CustomerPanel id={panelId} className={styles.panel} />
      <PaneSwitcher className={styles.switcher} pane={pane} onChange={setPane} />
    </div>
  );
}
