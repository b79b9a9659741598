import { ROLES } from 'virtual:charla/contract-values';
import type { Role } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError, useErrorText } from '../../shared/api/index.ts';
import {
  checkEmail,
  checkName,
  checkNewPassword,
  collectErrors,
  type FieldMessages,
  useForm,
} from '../../shared/forms/index.ts';
import { Alert, Button, CheckboxField, SelectField, TextField } from '../../shared/ui/index.ts';
import { useCreateMember } from './members.queries.ts';
import styles from './Settings.module.css';
import { SettingsCard } from './SettingsParts.tsx';

type AddMemberValues = { name: string; email: string; password: string; role: string; assignedOnly: boolean };

const EMPTY_MEMBER: AddMemberValues = {
  name: '',
  email: '',
  password: '',
  role: 'agent',
  assignedOnly: false,
};

/** Adds a member with a first password the admin shares with them. */
export function AddMemberForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const createMember = useCreateMember();
  const serverError = useErrorText(createMember.error);
  const form = useForm({
    initial: EMPTY_MEMBER,
    validate: (values, translate) =>
      collectErrors({
        name: checkName(values.name, translate),
        email: checkEmail(values.email, translate),
        password: checkNewPassword(values.password, translate),
      }),
    onSubmit: (values) => {
      const role: Role = ROLES.find((option) => option === values.role) ?? 'agent';
      createMember.mutate(
        { ...values, role, assignedOnly: role === 'agent' && values.assignedOnly },
        {
          onSuccess: (member) => {
            form.reset();
            onAdded(t('members.added', { name: member.name }));
          },
        },
      );
    },
    onEdit: () => createMember.reset(),
  });
  // A taken e-mail is about the e-mail field: say it there, not only at the bottom.
  const emailTaken = createMember.error instanceof ApiError && createMember.error.code === 'EMAIL_TAKEN';
  const errors: FieldMessages = {
    ...serverError?.fields,
    ...(emailTaken && serverError ? { email: serverError.message } : {}),
    ...form.errors,
  };

  return (
    <SettingsCard title={t('members.addTitle')}>
      <p className={styles.cardIntro}>{t('members.addIntro')}</p>
      <form noValidate onSubmit={form.handleSubmit} className={styles.formGrid}>
        <TextField
          label={t('members.name')}
          name="name"
          autoComplete="off"
          value={form.values.name}
          error={errors.name}
          onChange={(event) => form.setValue('name', event.target.value)}
        />
        <TextField
          label={t('members.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={form.values.email}
          error={errors.email}
          onChange={(event) => form.setValue('email', event.target.value)}
        />
        <TextField
          label={t('members.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('members.passwordHint')}
          value={form.values.password}
          error={errors.password}
          onChange={(event) => form.setValue('password', event.target.value)}
        />
        <SelectField
          label={t('members.role')}
          name="role"
          value={form.values.role}
          onChange={(event) => form.setValue('role', event.target.value)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          className={styles.span2}
          label={t('members.assignedOnly')}
          hint={t('members.assignedOnlyHint')}
          name="assignedOnly"
          checked={form.values.role === 'agent' && form.values.assignedOnly}
          disabled={form.values.role !== 'agent'}
          onChange={(event) => form.setValue('assignedOnly', event.target.checked)}
        />
        {serverError && !emailTaken && (
          <Alert tone="danger" className={styles.span2}>
            {serverError.message}
          </Alert>
        )}
        <div className={`${styles.formActions} ${styles.span2}`}>
          <Button type="submit" variant="primary" disabled={createMember.isPending}>
            {createMember.isPending ? t('members.adding') : t('members.add')}
          </Button>
        </div>
      </form>
    </SettingsCard>
  );
}
