import { useTranslation } from 'react-i18next';
import { ChannelsIcon, CommentsIcon, classNames } from '../../shared/ui/index.ts';
import styles from './ChannelRail.module.css';
import type { InboxFilters } from './inbox-filters.ts';

type ChannelRailProps = {
  channel: InboxFilters['channel'];
  onSelect: (channel: InboxFilters['channel']) => void;
  className?: string | undefined;
};

/**
 * Left rail: "All channels", then each connected channel (none can be connected yet, and the
 * rail says so), then post comments.
 */
export function ChannelRail({ channel, onSelect, className }: ChannelRailProps) {
  const { t } = useTranslation();
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
            {t('inbox.rail.allChannels')}
          </button>
        </li>
      </ul>
      <h2 className={styles.heading}>{t('inbox.rail.connectedChannels')}</h2>
      <p className={styles.placeholder}>{t('inbox.rail.noChannels')}</p>
      <ul className={classNames(styles.list, styles.bottom)}>
        <li>
          <button
            type="button"
            className={styles.item}
            aria-current={channel === 'comments' ? 'page' : undefined}
            onClick={() => onSelect('comments')}
          >
            <CommentsIcon />
            {t('inbox.rail.comments')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
