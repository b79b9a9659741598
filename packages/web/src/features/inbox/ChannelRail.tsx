import type { Channel } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { ChannelsIcon, CommentsIcon, classNames } from '../../shared/ui/index.ts';
import { ChannelTypeIcon } from '../settings/ChannelTypeIcon.tsx';
import styles from './ChannelRail.module.css';
import type { InboxFilters } from './inbox-filters.ts';

type ChannelRailProps = {
  channel: InboxFilters['channel'];
  onSelect: (channel: InboxFilters['channel']) => void;
  /** Connected channels (null while loading). */
  channels: readonly Channel[] | null;
  /** Conversations with unread messages, per channel id, in the current tab. */
  unread: ReadonlyMap<string, number>;
  className?: string | undefined;
};

function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <span className={styles.badge}>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden">{t('inbox.rail.unread', { count })}</span>
    </span>
  );
}

/**
 * Left rail: "All channels", then each connected channel with its unread badge, then post
 * comments. Choosing one filters the list.
 */
export function ChannelRail({ channel, onSelect, channels, unread, className }: ChannelRailProps) {
  const { t } = useTranslation();
  const active = (channels ?? []).filter((item) => item.active);
  const totalUnread = active.reduce((sum, item) => sum + (unread.get(item.id) ?? 0), 0);
  return (
    <nav aria-label={t('inbox.rail.label')} className={classNames(styles.rail, className)}>
      <ul className={styles.list}>
        <li>
          <button
            type="button"
            className={styles.item}
            aria-current={channel === null ? 'page' : undefined}
            onClick={() => onSelect(null)}
          >
            <ChannelsIcon />
            <span className={styles.name}>{t('inbox.rail.allChannels')}</span>
            <UnreadBadge count={totalUnread} />
          </button>
        </li>
      </ul>
      <h2 className={styles.heading}>{t('inbox.rail.connectedChannels')}</h2>
      {channels !== null && active.length === 0 && (
        <p className={styles.placeholder}>{t('inbox.rail.noChannels')}</p>
      )}
      <ul className={styles.list}>
        {active.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={styles.item}
              aria-current={channel === item.id ? 'page' : undefined}
              title={item.address ? `${item.name} · ${item.address}` : item.name}
              onClick={() => onSelect(item.id)}
            >
              <ChannelTypeIcon type={item.type} size={16} />
              <span className={styles.name}>
                {item.name}
                {item.address && <span className={styles.address}>{item.address}</span>}
              </span>
              <UnreadBadge count={unread.get(item.id) ?? 0} />
            </button>
          </li>
        ))}
      </ul>
      <ul className={classNames(styles.list, styles.bottom)}>
        <li>
          <button
            type="button"
            className={styles.item}
            aria-current={channel === 'comments' ? 'page' : undefined}
            onClick={() => onSelect('comments')}
          >
            <CommentsIcon />
            <span className={styles.name}>{t('inbox.rail.comments')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
