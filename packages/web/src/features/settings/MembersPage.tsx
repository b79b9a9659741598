import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, LoadingScreen, useDocumentTitle } from '../../shared/ui/index.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { MembersTable } from './MembersTable.tsx';
import { useMembers } from './members.queries.ts';
import styles from './Settings.module.css';

/** Admins see everyone in the workspace, change roles, deactivate, and add people. */
export function MembersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('members.title'));
  const members = useMembers();
  const loadError = useErrorText(members.error);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className={styles.page}>
      <header className={styles.pageHeader}>
        <h1 className={styles.pageTitle}>{t('members.title')}</h1>
        <p className={styles.intro}>{t('members.intro')}</p>
      </header>
      {/* Always present, so screen readers hear each new confirmation. */}
      <div role="status" className={notice ? undefined : 'visually-hidden'}>
        {notice && (
          <Alert tone="success" announce={false}>
            {notice}
          </Alert>
        )}
      </div>
      {members.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {members.data && <MembersTable members={members.data} onUpdated={setNotice} />}
      <AddMemberForm onAdded={setNotice} />
    </div>
  );
}
