import { useTranslation } from 'react-i18next';
import styles from './Composer.module.css';
import type { WindowNotice } from './window-countdown.ts';

/** The messaging window in words: time left, the human-agent tag, or why free text is closed. */
export function WindowBanner({ notice }: { notice: WindowNotice }) {
  const { t } = useTranslation();
  switch (notice.state) {
    case 'open':
      return (
        <p className={notice.urgent ? styles.windowUrgent : styles.window}>
          {notice.hours > 0
            ? t('chat.window.open', { hours: notice.hours, minutes: notice.minutes })
            : t('chat.window.openMinutes', { minutes: notice.minutes })}
        </p>
      );
    case 'human_agent':
      return (
        <p className={styles.windowUrgent}>
          {t('chat.window.humanAgent', { days: notice.days, hours: notice.hours })}
        </p>
      );
    case 'template':
      return <p className={styles.windowClosed}>{t('chat.window.template')}</p>;
    case 'locked':
      return <p className={styles.windowClosed}>{t('chat.window.locked')}</p>;
  }
}
