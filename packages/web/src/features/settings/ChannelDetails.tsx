import type { Channel } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/index.ts';
import styles from './Channels.module.css';
import { channelIds } from './channel-text.ts';

/** What identifies a channel at Meta and how it signs in; never the token itself. */
export function ChannelDetails({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <dl className={styles.details}>
      {channelIds(channel, t).map(({ label, value }) => (
        <div key={label} className={styles.detail}>
          <dt>{label}</dt>
          <dd>
            <code className={styles.code}>{value}</code>
          </dd>
        </div>
      ))}
      <div className={styles.detail}>
        <dt>{t('channels.details.token')}</dt>
        <dd>
          {channel.tokenHint ? (
            <code className={styles.code}>{channel.tokenHint}</code>
          ) : (
            t('channels.details.noToken')
          )}
        </dd>
      </div>
      <div className={styles.detail}>
        <dt>{t('channels.details.appSecret')}</dt>
        <dd>
          {channel.hasAppSecret ? t('channels.details.ownAppSecret') : t('channels.details.serverAppSecret')}
        </dd>
      </div>
      <div className={styles.detail}>
        <dt>{t('channels.details.connected')}</dt>
        <dd>{format.date(channel.createdAt)}</dd>
      </div>
    </dl>
  );
}
