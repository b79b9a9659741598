import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import {
  ArrowLeftIcon,
  ChannelsIcon,
  EmptyState,
  KeyIcon,
  LockIcon,
  PeopleIcon,
  useDocumentTitle,
} from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import styles from './SettingsLayout.module.css';

/** Settings frame for admins: section links on the side; everyone else is told why not. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { member, workspace } = useSession();
  useDocumentTitle(t('settings.title'));

  if (member.role !== 'admin') {
    return (
      <main id="main" tabIndex={-1} className={styles.forbidden}>
        <h1 className="visually-hidden">{t('settings.title')}</h1>
        <EmptyState icon={<LockIcon size={26} />} title={t('settings.forbiddenTitle')}>
          {t('settings.forbiddenBody', { workspace: workspace.name })}{' '}
          <Link to="/">{t('settings.backToInbox')}</Link>
        </EmptyState>
      </main>
    );
  }

  return (
    <div className={styles.layout}>
      <nav aria-label={t('settings.nav')} className={styles.nav}>
        <Link to="/" className={styles.back}>
          <ArrowLeftIcon size={18} />
          {t('settings.backToInbox')}
        </Link>
        <p className={styles.navTitle}>{t('settings.title')}</p>
        <ul className={styles.links}>
          <li>
            <NavLink to="/settings/members" className={styles.link}>
              <PeopleIcon size={18} />
              {t('settings.members')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/channels" className={styles.link}>
              <ChannelsIcon size={18} />
              {t('settings.channels')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/api-keys" className={styles.link}>
              <KeyIcon size={18} />
              {t('settings.apiKeys')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
