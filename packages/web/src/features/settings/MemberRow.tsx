import { ROLES } from 'virtual:charla/contract-values';
import type { Member, UpdateMemberRequest } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/index.ts';
import { Button, classNames } from '../../shared/ui/index.ts';
import styles from './Settings.module.css';

type MemberRowProps = {
  member: Member;
  /** The signed-in admin's own row: no self-demotion or self-deactivation from here. */
  isMe: boolean;
  busy: boolean;
  onChange: (changes: UpdateMemberRequest) => void;
};

/** One member: role and assigned-only edit in place; deactivate keeps their history. */
export function MemberRow({ member, isMe, busy, onChange }: MemberRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locked = busy || isMe;
  return (
    <tr className={member.active ? undefined : styles.inactiveRow}>
      <th scope="row" className={styles.rowHeader}>
        {member.name}
        {isMe && <span className={styles.tag}>{t('settings.you')}</span>}
      </th>
      <td>{member.email}</td>
      <td>
        <select
          className={styles.inlineSelect}
          aria-label={t('members.roleFor', { name: member.name })}
          value={member.role}
          disabled={locked}
          onChange={(event) => {
            const role = ROLES.find((option) => option === event.target.value);
            if (role) onChange({ role });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {member.role === 'agent' ? (
          <input
            type="checkbox"
            className={styles.inlineCheckbox}
            aria-label={t('members.assignedOnlyFor', { name: member.name })}
            checked={member.assignedOnly}
            disabled={busy}
            onChange={(event) => onChange({ assignedOnly: event.target.checked })}
          />
        ) : (
          <span className={styles.muted}>—</span>
        )}
      </td>
      <td>
        <span className={classNames(styles.badge, member.active ? styles.badgeActive : styles.badgeInactive)}>
          {member.active ? t('members.active') : t('members.inactive')}
        </span>
        <br />
        <span className={classNames(styles.muted, styles.nowrap)}>
          {t('members.since', { date: format.date(member.createdAt) })}
        </span>
      </td>
      <td>
        {isMe ? (
          <span className={styles.muted}>{t('members.cannotChangeSelf')}</span>
        ) : (
          <Button
            size="sm"
            variant={member.active ? 'secondary' : 'primary'}
            disabled={busy}
            aria-label={
              member.active
                ? t('members.deactivateFor', { name: member.name })
                : t('members.reactivateFor', { name: member.name })
            }
            onClick={() => onChange({ active: !member.active })}
          >
            {member.active ? t('members.deactivate') : t('members.reactivate')}
          </Button>
        )}
      </td>
    </tr>
  );
}
