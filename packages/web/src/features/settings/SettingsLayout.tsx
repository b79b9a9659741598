import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatch } from 'react-router';
import {
  ArrowLeftIcon,
  ChannelsIcon,
  ChatIcon,
  EmptyState,
  KeyIcon,
  LockIcon,
  PeopleIcon,
  useDocumentTitle,
} from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { FunnelIcon, ListIcon, TagIcon } from './crm-settings-icons.tsx';
import styles from './SettingsLayout.module.css';

/** Workspace sections only admins open; everyone keeps their own quick replies. */
const ADMIN_SECTIONS = [
  { to: '/settings/members', icon: <PeopleIcon size={18} />, label: 'settings.members' },
  { to: '/settings/channels', icon: <ChannelsIcon size={18} />, label: 'settings.channels' },
  { to: '/settings/api-keys', icon: <KeyIcon size={18} />, label: 'settings.apiKeys' },
  { to: '/settings/tags', icon: <TagIcon size={18} />, label: 'crmSettings.tags.nav' },
  { to: '/settings/custom-fields', icon: <ListIcon size={18} />, label: 'crmSettings.fields.nav' },
  { to: '/settings/funnels', icon: <FunnelIcon size={18} />, label: 'crmSettings.funnels.nav' },
] as const;

/** Settings frame: section links on the side; a non-admin sees only their quick replies. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { member, workspace } = useSession();
  useDocumentTitle(t('settings.title'));
  const onQuickReplies = useMatch('/settings/quick-replies') !== null;
  const isAdmin = member.role === 'admin';

  if (!isAdmin && !onQuickReplies) {
    return (
      <main id="main" tabIndex={-1} className={styles.forbidden}>
        <h1 className="visually-hidden">{t('settings.title')}</h1>
        <EmptyState icon={<LockIcon size={26} />} title={t('settings.forbiddenTitle')}>
          {t('settings.forbiddenBody', { workspace: workspace.name })}{' '}
          <Link to="/">{t('settings.backToInbox')}</Link>{' '}
          <Link to="/settings/quick-replies">{t('quickReplies.yourReplies')}</Link>
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
          {isAdmin &&
            ADMIN_SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} className={styles.link}>
                  {section.icon}
                  {t(section.label)}
                </NavLink>
              </li>
            ))}
          <li>
            <NavLink to="/settings/quick-replies" className={styles.link}>
              <ChatIcon size={18} />
              {t('quickReplies.title')}
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
