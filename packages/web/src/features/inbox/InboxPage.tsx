import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { useChannels } from '../settings/channels.queries.ts';
import { useMembers } from '../settings/members.queries.ts';
import { ChannelRail } from './ChannelRail.tsx';
import { ChatColumn } from './ChatColumn.tsx';
import { ConversationListColumn } from './ConversationListColumn.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { useConversationCounts, useLiveConversations } from './conversations.queries.ts';
import styles from './InboxPage.module.css';
import type { InboxFilters } from './inbox-filters.ts';
import { type Pane, PaneSwitcher } from './PaneSwitcher.tsx';
import { useCustomerPanelOpen } from './useCustomerPanelOpen.ts';
import { useInboxFilters } from './useInboxFilters.ts';

/**
 * The agent's workspace: channel rail, conversation list, chat and customer panel side by side;
 * on a phone, one of them at a time. The open conversation is in the address (`/inbox/:id`),
 * the list's filters in its query string.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const { member } = useSession();
  const { filters, update } = useInboxFilters();
  const conversationId = useParams().conversationId ?? null;
  const { search } = useLocation();
  const navigate = useNavigate();
  const [pane, setPane] = useState<Pane>(conversationId ? 'chat' : 'list');
  const [panelOpen, togglePanel] = useCustomerPanelOpen();
  const panelId = useId();
  const counts = useConversationCounts(filters).data;
  const channels = useChannels().data ?? null;
  const members = useMembers().data ?? [];
  useLiveConversations(filters, { memberId: member.id, openConversationId: conversationId });

  // Opening a conversation (a click, a link, a shortcut) shows the chat on a phone.
  useEffect(() => {
    if (conversationId) setPane('chat');
  }, [conversationId]);

  const hrefFor = useCallback((id: string) => `/inbox/${encodeURIComponent(id)}${search}`, [search]);
  const open = useCallback((id: string) => navigate(hrefFor(id)), [navigate, hrefFor]);
  const unreadByChannel = useMemo(
    () => new Map((counts?.channels ?? []).map((channel) => [channel.channelId, channel.unread])),
    [counts],
  );

  function handleBack() {
    navigate(`/inbox${search}`);
    setPane('list');
  }

  function handleSelectChannel(channel: InboxFilters['channel']) {
    update({ channel });
    setPane('list');
  }

  return (
    <div className={styles.inbox} data-pane={pane} data-panel={panelOpen ? 'open' : 'closed'}>
      <ChannelRail
        className={styles.rail}
        channel={filters.channel}
        onSelect={handleSelectChannel}
        channels={channels}
        unread={unreadByChannel}
      />
      <main id="main" tabIndex={-1} className={styles.main}>
        <h1 className="visually-hidden">{t('inbox.title')}</h1>
        <ConversationListColumn
          className={styles.list}
          filters={filters}
          onChange={update}
          counts={counts}
          members={members}
          channels={channels ?? []}
          selectedId={conversationId}
          hrefFor={hrefFor}
          onOpen={open}
        />
        <ChatColumn
          className={styles.chat}
          conversationId={conversationId}
          onBack={handleBack}
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
