import type { Conversation } from '@charla/contracts';
import { manualMovesFrom } from '@charla/contracts/rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, ArrowLeftIcon, ChevronDownIcon, ConfirmDialog, PanelIcon } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { ChannelTypeIcon } from '../settings/ChannelTypeIcon.tsx';
import { useMembers } from '../settings/members.queries.ts';
import styles from './ChatTopBar.module.css';
import { useAssign, useSetBlocked, useSetBot, useSetRead, useSetStatus } from './conversation.queries.ts';
import { Menu } from './Menu.tsx';

type ChatTopBarProps = {
  conversation: Conversation;
  headingId: string;
  onBack: () => void;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
};

/** Who the customer is and the conversation's actions: owner, status, bot, block, read. */
export function ChatTopBar({
  conversation,
  headingId,
  onBack,
  panelOpen,
  panelId,
  onTogglePanel,
}: ChatTopBarProps) {
  const { t } = useTranslation();
  const { member: me } = useSession();
  const members = useMembers();
  const assign = useAssign(conversation.id);
  const setStatus = useSetStatus(conversation.id);
  const setRead = useSetRead(conversation.id);
  const setBot = useSetBot(conversation.id);
  const setBlocked = useSetBlocked(conversation.id);
  const [confirmingBlock, setConfirmingBlock] = useState(false);
  const actions = [assign, setStatus, setRead, setBot, setBlocked];
  const failed = actions.find((action) => action.isError);
  const errorText = useErrorText(failed?.error);

  const { customer, assignee, status } = conversation;
  const expectedMemberId = assignee?.id ?? null;
  const owners = (members.data ?? []).filter((member) => member.active);
  const ownerItems = [
    ...owners.map((member) => ({
      key: member.id,
      label: member.id === me.id ? t('chat.owner.me', { name: member.name }) : member.name,
      checked: assignee?.id === member.id,
      onSelect: () => assign.mutate({ memberId: member.id, expectedMemberId }),
    })),
    {
      key: 'unassigned',
      label: t('chat.owner.nobody'),
      checked: assignee === null,
      onSelect: () => assign.mutate({ memberId: null, expectedMemberId }),
    },
  ];
  const statusItems = manualMovesFrom(status).map((to) => ({
    key: to,
    label: t(`chat.status.${to}`),
    onSelect: () => setStatus.mutate(to),
  }));
  const unread = conversation.unreadCount > 0;
  const moreItems = [
    {
      key: 'read',
      label: unread ? t('chat.actions.markRead') : t('chat.actions.markUnread'),
      onSelect: () => setRead.mutate(unread),
    },
    {
      key: 'bot',
      label: customer.botEnabled ? t('chat.actions.botOff') : t('chat.actions.botOn'),
      onSelect: () => setBot.mutate(!customer.botEnabled),
    },
    {
      key: 'block',
      label: customer.blocked ? t('chat.actions.unblock') : t('chat.actions.block'),
      danger: !customer.blocked,
      onSelect: () => (customer.blocked ? setBlocked.mutate(false) : setConfirmingBlock(true)),
    },
  ];
  const panelLabel = panelOpen ? t('inbox.chat.hidePanel') : t('inbox.chat.showPanel');

  return (
    <header className={styles.bar}>
      <button type="button" className={styles.back} aria-label={t('chat.back')} onClick={onBack}>
        <ArrowLeftIcon />
      </button>
      <div className={styles.who}>
        <ChannelTypeIcon type={conversation.channel.type} size={18} />
        <div className={styles.names}>
          <h2 id={headingId} className={styles.name}>
            {customer.displayName}
          </h2>
          <p className={styles.channel}>
            {t(`chat.channelType.${conversation.channel.type}`)} · {conversation.channel.name}
            {customer.blocked && <span className={styles.badge}>{t('chat.blocked')}</span>}
            {!customer.botEnabled && <span className={styles.muted}>{t('chat.botIsOff')}</span>}
          </p>
        </div>
      </div>
      <div className={styles.actions}>
        <Menu
          label={t('chat.owner.label', { name: assignee?.name ?? t('chat.owner.nobody') })}
          heading={t('chat.owner.heading')}
          trigger={
            <>
              <span className={styles.triggerText}>{assignee?.name ?? t('chat.owner.nobody')}</span>
              <ChevronDownIcon size={16} />
            </>
          }
          items={ownerItems}
          disabled={assign.isPending}
        />
        <Menu
          label={t('chat.status.label', { status: t(`chat.status.${status}`) })}
          heading={t('chat.status.moveTo')}
          trigger={
            <>
              <span className={styles.status} data-status={status}>
                {t(`chat.status.${status}`)}
              </span>
              <ChevronDownIcon size={16} />
            </>
          }
          items={statusItems}
          disabled={setStatus.isPending}
        />
        <Menu
          label={t('chat.actions.more')}
          trigger={<span aria-hidden="true">⋯</span>}
          items={moreItems}
          align="end"
        />
        <button
          type="button"
          className={styles.panelToggle}
          aria-expanded={panelOpen}
          aria-controls={panelId}
          aria-label={panelLabel}
          title={panelLabel}
          onClick={onTogglePanel}
        >
          <PanelIcon />
        </button>
      </div>
      {errorText && (
        <Alert tone="danger" className={styles.error}>
          {errorText.message}
        </Alert>
      )}
      <ConfirmDialog
        open={confirmingBlock}
        title={t('chat.block.title', { name: customer.displayName })}
        body={t(conversation.channel.type === 'whatsapp' ? 'chat.block.bodyWhatsapp' : 'chat.block.body')}
        confirmLabel={t('chat.actions.block')}
        cancelLabel={t('chat.cancel')}
        busy={setBlocked.isPending}
        error={setBlocked.isError ? errorText?.message : null}
        onConfirm={() => setBlocked.mutate(true, { onSuccess: () => setConfirmingBlock(false) })}
        onCancel={() => setConfirmingBlock(false)}
      />
    </header>
  );
}
