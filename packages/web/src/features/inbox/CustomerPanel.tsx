import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, classNames, EmptyState, PersonIcon } from '../../shared/ui/index.ts';
import { CustomerProfileView, useConversationCustomer } from '../customer/index.ts';
import styles from './CustomerPanel.module.css';

type CustomerPanelProps = { id: string; className?: string | undefined };

/** The customer's record beside the chat; until a conversation is open, says what will show. */
export function CustomerPanel({ id, className }: CustomerPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { conversationId } = useParams();
  return (
    <aside id={id} aria-labelledby={headingId} className={classNames(styles.panel, className)}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          {t('inbox.panel.label')}
        </h2>
      </div>
      {conversationId ? (
        <OpenCustomer conversationId={conversationId} />
      ) : (
        <EmptyState icon={<PersonIcon size={26} />} title={t('inbox.panel.emptyTitle')} headingLevel={3}>
          {t('inbox.panel.emptyBody')}
        </EmptyState>
      )}
    </aside>
  );
}

function OpenCustomer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { profile, error, isPending } = useConversationCustomer(conversationId);
  const errorText = useErrorText(error);
  if (errorText) {
    return (
      <div className={styles.status}>
        <Alert tone="danger">{errorText.message}</Alert>
      </div>
    );
  }
  if (isPending || !profile.data) {
    return (
      <p className={styles.status} role="status">
        {t('customer.loading')}
      </p>
    );
  }
  return <CustomerProfileView profile={profile.data} openConversationId={conversationId} />;
}
