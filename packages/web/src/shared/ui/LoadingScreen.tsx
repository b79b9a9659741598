import { useTranslation } from 'react-i18next';
import styles from './LoadingScreen.module.css';

/** Full-page wait while the app learns whether Charla is set up and who is signed in. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className={styles.screen} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
