import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, LoadingScreen } from '../../shared/ui/index.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { MembersTable } from './MembersTable.tsx';
import { useMembers } from './members.queries.ts';
import { SettingsPage, StatusNotice } from './SettingsParts.tsx';

/** Admins see everyone in the workspace, change roles, deactivate, and add people. */
export function MembersPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const loadError = useErrorText(members.error);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <SettingsPage title={t('members.title')} intro={t('members.intro')}>
      <StatusNotice notice={notice} />
      {members.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {members.data && <MembersTable members={members.data} onUpdated={setNotice} />}
      <AddMemberForm onAdded={setNotice} />
    </SettingsPage>
  );
}
