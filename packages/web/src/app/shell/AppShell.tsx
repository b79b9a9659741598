import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../../features/auth/index.ts';
import { NewChatDialog } from '../../features/new-chat/index.ts';
import { ShortcutLayer } from '../../features/shortcuts/index.ts';
import { NotificationCenter } from '../../shared/notifications/index.ts';
import styles from './AppShell.module.css';
import { TopBar } from './TopBar.tsx';

/** The signed-in frame: a skip link, the top bar, and the page below it filling the window. */
export function AppShell() {
  const { t } = useTranslation();
  const { member } = useSession();
  return (
    <div className={styles.shell}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <div className={styles.page}>
        <Outlet />
      </div>
      <NewChatDialog />
      <ShortcutLayer />
      <NotificationCenter memberId={member.id} />
    </div>
  );
}
