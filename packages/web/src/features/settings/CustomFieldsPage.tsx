import { CUSTOM_FIELD_TYPES, type CustomField, type CustomFieldType } from '@charla/contracts';
import { useId, useState } from 'react';
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
  useDocumentTitle,
} from '../../shared/ui/index.ts';
import styles from './CrmSettings.module.css';
import {
  crmSettingsApi,
  customFieldsQueryKey,
  useCustomFields,
  useReloadingMutation,
} from './crm-settings.api.ts';
import settingsStyles from './Settings.module.css';

/** A list field's options as typed, one per line, without blanks. */
function optionLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Admins define the extra facts kept about customers: typed fields, lists with their options. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('crmSettings.fields.title'));
  const fields = useCustomFields();
  const loadError = useErrorText(fields.error);
  const [editing, setEditing] = useState<CustomField | null>(null);
  const [toDelete, setToDelete] = useState<CustomField | null>(null);
  const remove = useReloadingMutation(customFieldsQueryKey, crmSettingsApi.deleteField);
  const removeError = useErrorText(remove.error);

  return (
    <div className={settingsStyles.page}>
      <header className={settingsStyles.pageHeader}>
        <h1 className={settingsStyles.pageTitle}>{t('crmSettings.fields.title')}</h1>
        <p className={settingsStyles.intro}>{t('crmSettings.fields.intro')}</p>
      </header>
      <FieldForm key={editing?.id ?? 'new'} field={editing} onDone={() => setEditing(null)} />
      {fields.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {fields.data && (
        <div className={settingsStyles.tableWrap}>
          <table className={settingsStyles.table}>
            <caption>{t('crmSettings.fields.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crmSettings.fields.name')}</th>
                <th scope="col">{t('crmSettings.fields.type')}</th>
                <th scope="col">{t('crmSettings.fields.options')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('crmSettings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.data.length === 0 && (
                <tr>
                  <td colSpan={4} className={settingsStyles.emptyRow}>
                    {t('crmSettings.fields.none')}
                  </td>
                </tr>
              )}
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
                        onClick={() => setToDelete(field)}
                      >
                        {t('crmSettings.delete')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title={t('crmSettings.fields.deleteTitle', { name: toDelete?.name ?? '' })}
        body={t('crmSettings.fields.deleteBody')}
        confirmLabel={t('crmSettings.delete')}
        cancelLabel={t('crmSettings.cancel')}
        busy={remove.isPending}
        error={removeError?.message ?? null}
        onConfirm={() => toDelete && remove.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
      />
    </div>
  );
}

/** Creates a field (field = null) or renames one and edits a list's options; the type stays. */
function FieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const optionsId = useId();
  const save = useReloadingMutation(
    customFieldsQueryKey,
    (values: { name: string; type: string; options: string }) => {
      const type = values.type as CustomFieldType;
      const options = type === 'list' ? { options: optionLines(values.options) } : {};
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
          values.type === 'list' && optionLines(values.options).length === 0
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
  const optionsError =
    errors.options ?? Object.entries(errors).find(([key]) => key.startsWith('options.'))?.[1];

  return (
    <section aria-labelledby={headingId} className={settingsStyles.card}>
      <h2 id={headingId} className={settingsStyles.cardTitle}>
        {field
          ? t('crmSettings.fields.editTitle', { name: field.name })
          : t('crmSettings.fields.createTitle')}
      </h2>
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
          <div className={settingsStyles.span2}>
            <label htmlFor={optionsId} className={styles.label}>
              {t('crmSettings.fields.optionsLabel')}
            </label>
            <textarea
              id={optionsId}
              name="options"
              rows={4}
              className={styles.optionsInput}
              value={form.values.options}
              aria-invalid={optionsError ? true : undefined}
              aria-describedby={optionsError ? `${optionsId}-error` : undefined}
              onChange={(event) => form.setValue('options', event.target.value)}
            />
            {optionsError && (
              <p id={`${optionsId}-error`} className={styles.rowError}>
                {optionsError}
              </p>
            )}
          </div>
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
    </section>
  );
}
