import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { classNames, EmptyState, PersonIcon } from '../../shared/ui/index.ts';
import styles from './CustomerPanel.module.css';

type CustomerPanelProps = { id: string; className?: string | undefined };

/** The customer's CRM record beside the chat; until a conversation is open, says what will show. */
export function CustomerPanel({ id, className }: CustomerPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <aside id={id} aria-labelledby={headingId} className={classNames(styles.panel, className)}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          {t('inbox.panel.label')}
        </h2>
      </div>
      <EmptyState icon={<PersonIcon size={26} />} title={t('inbox.panel.emptyTitle')} headingLevel={3}>
        {t('inbox.panel.emptyBody')}
      </EmptyState>
    </aside>
  );
}
