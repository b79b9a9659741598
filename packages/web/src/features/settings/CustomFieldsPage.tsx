import { CUSTOM_FIELD_TYPES, type CustomField, type CustomFieldType } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { collectErrors, useForm } from '../../shared/forms/index.ts';
import {
  Alert,
  Button,
  ConfirmDialog,
  LoadingScreen,
  SelectField,
  TextField,
} from '../../shared/ui/index.ts';
import styles from './CrmSettings.module.css';
import {
  crmSettingsApi,
  customFieldsQueryKey,
  useCustomFields,
  useReloadingMutation,
} from './crm-settings.api.ts';
import settingsStyles from './Settings.module.css';
import {
  LinesField,
  listError,
  nonBlankLines,
  SettingsCard,
  SettingsPage,
  SettingsTable,
  useDeletion,
} from './SettingsParts.tsx';

/** Admins define the extra facts kept about customers: typed fields, lists with their options. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const loadError = useErrorText(fields.error);
  const [editing, setEditing] = useState<CustomField | null>(null);
  const deletion = useDeletion<CustomField>(
    useReloadingMutation(customFieldsQueryKey, crmSettingsApi.deleteField),
  );

  return (
    <SettingsPage title={t('crmSettings.fields.title')} intro={t('crmSettings.fields.intro')}>
      <FieldForm key={editing?.id ?? 'new'} field={editing} onDone={() => setEditing(null)} />
      {fields.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {fields.data && (
        <SettingsTable
          caption={t('crmSettings.fields.listCaption')}
          columns={[
            t('crmSettings.fields.name'),
            t('crmSettings.fields.type'),
            t('crmSettings.fields.options'),
          ]}
          actionsLabel={t('crmSettings.actions')}
          emptyText={t('crmSettings.fields.none')}
          rowCount={fields.data.length}
        >
          {fields.data.map((field) => (
            <tr key={field.id}>
              <th scope="row" className={settingsStyles.rowHeader}>
                {field.name}
              </th>
              <td>{t(`crmSettings.fields.types.${field.type}`)}</td>
              <td className={settingsStyles.muted}>{field.options.join(', ') || '—'}</td>
              <td>
                <div className={styles.rowActions}>
                  <Button
                    size="sm"
                    aria-label={t('crmSettings.editLabel', { name: field.name })}
                    onClick={() => setEditing(field)}
                  >
                    {t('crmSettings.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('crmSettings.deleteLabel', { name: field.name })}
                    onClick={() => deletion.ask(field)}
                  >
                    {t('crmSettings.delete')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}
      <ConfirmDialog
        {...deletion.dialogProps}
        title={t('crmSettings.fields.deleteTitle', { name: deletion.target?.name ?? '' })}
        body={t('crmSettings.fields.deleteBody')}
        confirmLabel={t('crmSettings.delete')}
        cancelLabel={t('crmSettings.cancel')}
      />
    </SettingsPage>
  );
}

/** Creates a field (field = null) or renames one and edits a list's options; the type stays. */
function FieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useReloadingMutation(
    customFieldsQueryKey,
    (values: { name: string; type: string; options: string }) => {
      const type = values.type as CustomFieldType;
      const options = type === 'list' ? { options: nonBlankLines(values.options) } : {};
      return field
        ? crmSettingsApi.updateField({ fieldId: field.id, name: values.name.trim(), ...options })
        : crmSettingsApi.createField({ name: values.name.trim(), type, ...options });
    },
  );
  const serverError = useErrorText(save.error);
  const form = useForm({
    initial: {
      name: field?.name ?? '',
      type: field?.type ?? 'text',
      options: field?.options.join('\n') ?? '',
    },
    validate: (values) =>
      collectErrors({
        name: values.name.trim() ? null : t('crmSettings.nameRequired'),
        options:
          values.type === 'list' && nonBlankLines(values.options).length === 0
            ? t('crmSettings.fields.optionsRequired')
            : null,
      }),
    onSubmit: (values) =>
      save.mutate(values, {
        onSuccess: () => {
          form.reset();
          onDone();
        },
      }),
    onEdit: () => save.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  return (
    <SettingsCard
      title={
        field ? t('crmSettings.fields.editTitle', { name: field.name }) : t('crmSettings.fields.createTitle')
      }
    >
      <form noValidate onSubmit={form.handleSubmit} className={settingsStyles.formGrid}>
        <TextField
          label={t('crmSettings.fields.name')}
          name="name"
          autoComplete="off"
          maxLength={60}
          value={form.values.name}
          error={errors.name}
          onChange={(event) => form.setValue('name', event.target.value)}
        />
        <SelectField
          label={t('crmSettings.fields.type')}
          name="type"
          disabled={field !== null}
          value={form.values.type}
          error={errors.type}
          onChange={(event) => form.setValue('type', event.target.value as CustomFieldType)}
        >
          {CUSTOM_FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`crmSettings.fields.types.${type}`)}
            </option>
          ))}
        </SelectField>
        {form.values.type === 'list' && (
          <LinesField
            label={t('crmSettings.fields.optionsLabel')}
            name="options"
            value={form.values.options}
            error={listError(errors, 'options')}
            onChange={(value) => form.setValue('options', value)}
          />
        )}
        {serverError && (
          <Alert tone="danger" className={settingsStyles.span2}>
            {serverError.message}
          </Alert>
        )}
        <div className={settingsStyles.formActions}>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {field ? t('crmSettings.save') : t('crmSettings.fields.create')}
          </Button>
          {field && <Button onClick={onDone}>{t('crmSettings.cancel')}</Button>}
        </div>
      </form>
    </SettingsCard>
  );
}
