import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../../features/auth/index.ts';
import { NewChatButton } from '../../features/new-chat/index.ts';
import { LogoMark } from '../../shared/ui/index.ts';
import styles from './TopBar.module.css';
import { UserMenu } from './UserMenu.tsx';

/** Brand and workspace on the left (a way home), the account menu on the right. */
export function TopBar() {
  const { t } = useTranslation();
  const { workspace } = useSession();
  return (
    <header className={styles.bar}>
      <Link to="/" className={styles.home}>
        <LogoMark size={26} />
        <span className={styles.brand}>{t('app.name')}</span>
        <span className={styles.divider} aria-hidden="true" />
        <span className={styles.workspace}>{workspace.name}</span>
      </Link>
      <nav aria-label={t('deals.appNav')} className={styles.nav}>
        <NavLink to="/deals" className={styles.navLink}>
          {t('deals.title')}
        </NavLink>
        <NavLink to="/customers" className={styles.navLink}>
          {t('customers.title')}
        </NavLink>
      </nav>
      <NewChatButton />
      <UserMenu />
    </header>
  );
}
