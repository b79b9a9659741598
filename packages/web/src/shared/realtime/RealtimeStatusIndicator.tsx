import { useTranslation } from 'react-i18next';
import styles from './RealtimeStatusIndicator.module.css';
import type { RealtimeStatus } from './realtime-client.ts';

/**
 * A small notice while the live connection is down, so an agent knows the list may be stale.
 * The live region is always rendered so screen readers announce the change.
 */
export function RealtimeStatusIndicator({ status }: { status: RealtimeStatus }) {
  const { t } = useTranslation();
  return (
    <div role="status" className={styles.region}>
      {status === 'offline' && (
        <p className={styles.notice}>
          <span className={styles.spinner} aria-hidden="true" />
          {t('inbox.realtime.reconnecting')}
        </p>
      )}
    </div>
  );
}
