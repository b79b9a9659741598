import type { Member, UpdateMemberRequest } from '@charla/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { MemberRow } from './MemberRow.tsx';
import { useUpdateMember } from './members.queries.ts';
import styles from './Settings.module.css';

type MembersTableProps = {
  members: Member[];
  /** Called with a confirmation sentence after a change is saved. */
  onUpdated: (message: string) => void;
};

/** The members table; each row saves its own changes at once. */
export function MembersTable({ members, onUpdated }: MembersTableProps) {
  const { t } = useTranslation();
  const { member: me } = useSession();
  const captionId = useId();
  const updateMember = useUpdateMember();
  const updateError = useErrorText(updateMember.error);

  function handleChange(member: Member, changes: UpdateMemberRequest) {
    updateMember.mutate(
      { memberId: member.id, changes },
      { onSuccess: (updated) => onUpdated(t('members.updated', { name: updated.name })) },
    );
  }

  return (
    <>
      {updateError && <Alert tone="danger">{updateError.message}</Alert>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section aria-labelledby={captionId} className={styles.tableWrap} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId}>{t('members.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.assignedOnly')}</th>
              <th scope="col">{t('members.status')}</th>
              <th scope="col">{t('members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                isMe={member.id === me.id}
                busy={updateMember.isPending && updateMember.variables?.memberId === member.id}
                onChange={(changes) => handleChange(member, changes)}
              />
            ))}
            {members.length === 0 && (
              <tr>
                <td colSpan={6} className={styles.emptyRow}>
                  {t('members.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </>
  );
}
