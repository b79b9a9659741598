import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import styles from './LoadingScreen.module.css';

/** Full-page failure while starting (server down, network gone), with a way to retry. */
export function ErrorScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={styles.screen} role="alert">
      <span>{t('app.loadFailed')}</span>
      <Button variant="primary" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </div>
  );
}
