import { DEFAULT_TAG_COLOR, type TagWithUsage } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, ConfirmDialog, LoadingScreen, TextField } from '../../shared/ui/index.ts';
import styles from './CrmSettings.module.css';
import { crmSettingsApi, tagsQueryKey, useReloadingMutation, useTags } from './crm-settings.api.ts';
import settingsStyles from './Settings.module.css';
import { SettingsCard, SettingsPage, SettingsTable, useDeletion } from './SettingsParts.tsx';

/** Admins keep the workspace's tags tidy: create, rename, recolour, merge duplicates, delete. */
export function TagsPage() {
  const { t } = useTranslation();
  const tags = useTags();
  const loadError = useErrorText(tags.error);
  const deletion = useDeletion<TagWithUsage>(useReloadingMutation(tagsQueryKey, crmSettingsApi.deleteTag));

  return (
    <SettingsPage title={t('crmSettings.tags.title')} intro={t('crmSettings.tags.intro')}>
      <CreateTagForm />
      {tags.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {tags.data && (
        <SettingsTable
          caption={t('crmSettings.tags.listCaption')}
          columns={[
            t('crmSettings.tags.name'),
            t('crmSettings.tags.customers'),
            t('crmSettings.tags.mergeInto'),
          ]}
          actionsLabel={t('crmSettings.actions')}
          emptyText={t('crmSettings.tags.none')}
          rowCount={tags.data.length}
        >
          {tags.data.map((tag) => (
            <TagRow
              key={tag.id}
              tag={tag}
              others={tags.data.filter((other) => other.id !== tag.id)}
              onDelete={deletion.ask}
            />
          ))}
        </SettingsTable>
      )}
      <ConfirmDialog
        {...deletion.dialogProps}
        title={t('crmSettings.tags.deleteTitle', { name: deletion.target?.name ?? '' })}
        body={t('crmSettings.tags.deleteBody', { count: deletion.target?.customerCount ?? 0 })}
        confirmLabel={t('crmSettings.delete')}
        cancelLabel={t('crmSettings.cancel')}
      />
    </SettingsPage>
  );
}

function CreateTagForm() {
  const { t } = useTranslation();
  const create = useReloadingMutation(tagsQueryKey, crmSettingsApi.createTag);
  const serverError = useErrorText(create.error);
  const form = useForm({
    initial: { name: '', color: DEFAULT_TAG_COLOR },
    validate: (values) => collectErrors({ name: values.name.trim() ? null : t('crmSettings.nameRequired') }),
    onSubmit: (values) =>
      create.mutate({ name: values.name.trim(), color: values.color }, { onSuccess: () => form.reset() }),
    onEdit: () => create.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };
  return (
    <SettingsCard title={t('crmSettings.tags.createTitle')}>
      <form noValidate onSubmit={form.handleSubmit} className={settingsStyles.formGrid}>
        <TextField
          label={t('crmSettings.tags.name')}
          name="name"
          autoComplete="off"
          maxLength={40}
          value={form.values.name}
          error={errors.name}
          onChange={(event) => form.setValue('name', event.target.value)}
        />
        <TextField
          label={t('crmSettings.tags.color')}
          name="color"
          type="color"
          className={styles.colorField}
          value={form.values.color}
          error={errors.color}
          onChange={(event) => form.setValue('color', event.target.value)}
        />
        <div className={settingsStyles.formActions}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t('crmSettings.tags.create')}
          </Button>
        </div>
        {serverError && (
          <Alert tone="danger" className={settingsStyles.span2}>
            {serverError.message}
          </Alert>
        )}
      </form>
    </SettingsCard>
  );
}

type TagRowProps = { tag: TagWithUsage; others: TagWithUsage[]; onDelete: (tag: TagWithUsage) => void };

function TagRow({ tag, others, onDelete }: TagRowProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [mergeInto, setMergeInto] = useState('');
  const update = useReloadingMutation(tagsQueryKey, crmSettingsApi.updateTag);
  const merge = useReloadingMutation(tagsQueryKey, crmSettingsApi.mergeTag);
  const error = useErrorText(update.error ?? merge.error);
  const renamed = name.trim() !== '' && name.trim() !== tag.name;
  return (
    <tr>
      <th scope="row">
        <div className={styles.tagName}>
          <input
            type="color"
            className={styles.swatch}
            aria-label={t('crmSettings.tags.recolor', { name: tag.name })}
            value={tag.color}
            onChange={(event) => update.mutate({ tagId: tag.id, color: event.target.value })}
          />
          <input
            className={styles.inlineInput}
            aria-label={t('crmSettings.tags.rename', { name: tag.name })}
            value={name}
            maxLength={40}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && renamed) update.mutate({ tagId: tag.id, name: name.trim() });
            }}
          />
          {renamed && (
            <Button size="sm" onClick={() => update.mutate({ tagId: tag.id, name: name.trim() })}>
              {t('crmSettings.save')}
            </Button>
          )}
        </div>
        {error && <p className={styles.rowError}>{error.fields.name ?? error.message}</p>}
      </th>
      <td>{t('crmSettings.tags.customerCount', { count: tag.customerCount })}</td>
      <td>
        <div className={styles.tagName}>
          <select
            className={settingsStyles.inlineSelect}
            aria-label={t('crmSettings.tags.mergeLabel', { name: tag.name })}
            value={mergeInto}
            onChange={(event) => setMergeInto(event.target.value)}
          >
            <option value="">{t('crmSettings.tags.chooseTag')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={!mergeInto || merge.isPending}
            onClick={() => merge.mutate({ tagId: tag.id, into: mergeInto })}
          >
            {t('crmSettings.tags.merge')}
          </Button>
        </div>
      </td>
      <td>
        <Button
          size="sm"
          variant="danger"
          aria-label={t('crmSettings.tags.deleteLabel', { name: tag.name })}
          onClick={() => onDelete(tag)}
        >
          {t('crmSettings.delete')}
        </Button>
      </td>
    </tr>
  );
}
