import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import styles from './AppShell.module.css';
import { TopBar } from './TopBar.tsx';

/** The signed-in frame: a skip link, the top bar, and the page below it filling the window. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className={styles.shell}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <div className={styles.page}>
        <Outlet />
      </div>
    </div>
  );
}
