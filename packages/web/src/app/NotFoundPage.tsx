import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, InboxIcon, useDocumentTitle } from '../shared/ui/index.ts';
import styles from './NotFoundPage.module.css';

/** Unknown addresses inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <main id="main" tabIndex={-1} className={styles.page}>
      <h1 className="visually-hidden">{t('notFound.title')}</h1>
      <EmptyState icon={<InboxIcon size={26} />} title={t('notFound.title')} headingLevel={2}>
        {t('notFound.body')} <Link to="/">{t('notFound.back')}</Link>
      </EmptyState>
    </main>
  );
}
