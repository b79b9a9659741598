import type { Conversation } from '@charla/contracts';
import type { CSSProperties, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../shared/i18n/index.ts';
import { ClockIcon } from '../../shared/ui/icons.tsx';
import { classNames } from '../../shared/ui/index.ts';
import { ChannelTypeIcon } from '../settings/ChannelTypeIcon.tsx';
import styles from './ConversationRow.module.css';
import { hasOwnText, initialsOf, KIND_LABELS, STATUS_LABELS } from './conversation-row-text.ts';
import { DeliveryTicks } from './DeliveryTicks.tsx';

/** Every row has this height, so the virtual list can place rows and keep its scroll anchor. */
export const ROW_HEIGHT = 92;

type ConversationRowProps = {
  conversation: Conversation;
  href: string;
  selected: boolean;
  /** The row keyboard focus rests on (one tab stop for the whole list). */
  focusable: boolean;
  index: number;
  /** Rows in the whole list, or -1 while more pages wait. */
  setSize: number;
  style: CSSProperties;
  ref?: Ref<HTMLAnchorElement>;
  onFocus: () => void;
};

/**
 * One conversation in the list: who, where, the last message with its ticks, when, whose it
 * is, how many unread, its status and tags.
 */
export function ConversationRow(props: ConversationRowProps) {
  const { conversation, href, selected, focusable, index, setSize, style, ref, onFocus } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const { customer, lastMessage, assignee, unreadCount } = conversation;
  const preview = lastMessage
    ? hasOwnText(lastMessage.preview, lastMessage.kind)
      ? lastMessage.preview
      : t(KIND_LABELS[lastMessage.kind])
    : t('inbox.row.noMessages');
  const showKind =
    lastMessage && lastMessage.kind !== 'text' && hasOwnText(lastMessage.preview, lastMessage.kind);

  return (
    <li aria-posinset={index + 1} aria-setsize={setSize} className={styles.item} style={style}>
      <Link
        ref={ref}
        to={href}
        aria-current={selected ? 'page' : undefined}
        tabIndex={focusable ? 0 : -1}
        data-conversation-id={conversation.id}
        className={classNames(styles.row, selected && styles.selected, unreadCount > 0 && styles.unread)}
        onFocus={onFocus}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initialsOf(customer.displayName)}
          <span className={styles.channelBadge}>
            <ChannelTypeIcon type={conversation.channel.type} size={12} />
          </span>
        </span>
        <span className={styles.body}>
          <span className={styles.top}>
            <span className={styles.name}>{customer.displayName}</span>
            <time
              className={styles.time}
              dateTime={new Date(conversation.lastActivityAt).toISOString()}
              title={format.dateTime(conversation.lastActivityAt)}
            >
              {format.relative(conversation.lastActivityAt)}
            </time>
          </span>
          <span className={styles.middle}>
            <span className="visually-hidden">
              {t('inbox.row.channel', { channel: conversation.channel.name })}
            </span>
            {lastMessage?.direction === 'outbound' && lastMessage.deliveryState && (
              <DeliveryTicks state={lastMessage.deliveryState} />
            )}
            {lastMessage?.direction === 'internal' && (
              <span className={styles.kind}>{t('inbox.row.internal')}</span>
            )}
            {showKind && <span className={styles.kind}>{t(KIND_LABELS[lastMessage.kind])}</span>}
            <span className={styles.preview}>{preview}</span>
            {unreadCount > 0 && (
              <span className={styles.unreadBadge}>
                {unreadCount > 99 ? '99+' : unreadCount}
                <span className="visually-hidden">{t('inbox.row.unread', { count: unreadCount })}</span>
              </span>
            )}
          </span>
          <span className={styles.bottom}>
            <span className={classNames(styles.status, styles[conversation.status])}>
              {t(STATUS_LABELS[conversation.status])}
            </span>
            <span className={styles.owner}>{assignee ? assignee.name : t('inbox.row.unassigned')}</span>
            {conversation.pendingReminder && (
              <span className={styles.flag} title={t('inbox.row.reminder')}>
                <ClockIcon />
                <span className="visually-hidden">{t('inbox.row.reminder')}</span>
              </span>
            )}
            {customer.botEnabled && <span className={styles.flag}>{t('inbox.row.bot')}</span>}
            {customer.blocked && (
              <span className={classNames(styles.flag, styles.blocked)}>{t('inbox.row.blocked')}</span>
            )}
            {customer.tags.map((tag) => (
              <span key={tag.id} className={styles.tag}>
                <span className={styles.tagDot} style={{ backgroundColor: tag.color }} aria-hidden="true" />
                {tag.name}
              </span>
            ))}
          </span>
        </span>
      </Link>
    </li>
  );
}
