import type { Funnel } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, ConfirmDialog, LoadingScreen, TextField } from '../../shared/ui/index.ts';
import { dealsApi } from '../deals/deals.api.ts';
import { useFunnelMutation, useFunnels } from '../deals/deals.queries.ts';
import styles from './CrmSettings.module.css';
import settingsStyles from './Settings.module.css';
import { LinesField, listError, nonBlankLines, SettingsCard, SettingsPage } from './SettingsParts.tsx';

/** Admins shape the sales funnels the Deals board shows: names and ordered stages. */
export function FunnelsPage() {
  const { t } = useTranslation();
  const funnels = useFunnels();
  const loadError = useErrorText(funnels.error);
  return (
    <SettingsPage title={t('crmSettings.funnels.title')} intro={t('crmSettings.funnels.intro')}>
      <CreateFunnelForm />
      {funnels.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {funnels.data?.map((funnel) => (
        <FunnelEditor key={`${funnel.id}-${funnel.stages.map((stage) => stage.id).join()}`} funnel={funnel} />
      ))}
    </SettingsPage>
  );
}

function CreateFunnelForm() {
  const { t } = useTranslation();
  const create = useFunnelMutation(dealsApi.createFunnel);
  const serverError = useErrorText(create.error);
  const form = useForm({
    initial: { name: '', stages: '' },
    validate: (values) =>
      collectErrors({
        name: values.name.trim() ? null : t('crmSettings.nameRequired'),
        stages: nonBlankLines(values.stages).length > 0 ? null : t('crmSettings.funnels.stagesRequired'),
      }),
    onSubmit: (values) =>
      create.mutate(
        { name: values.name.trim(), stages: nonBlankLines(values.stages) },
        { onSuccess: () => form.reset() },
      ),
    onEdit: () => create.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };
  return (
    <SettingsCard title={t('crmSettings.funnels.createTitle')}>
      <form noValidate onSubmit={form.handleSubmit} className={settingsStyles.formGrid}>
        <TextField
          label={t('crmSettings.funnels.name')}
          name="name"
          autoComplete="off"
          value={form.values.name}
          error={errors.name}
          onChange={(event) => form.setValue('name', event.target.value)}
        />
        <LinesField
          label={t('crmSettings.funnels.stagesLabel')}
          name="stages"
          value={form.values.stages}
          error={listError(errors, 'stages')}
          onChange={(value) => form.setValue('stages', value)}
        />
        {serverError && (
          <Alert tone="danger" className={settingsStyles.span2}>
            {serverError.message}
          </Alert>
        )}
        <div className={settingsStyles.formActions}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t('crmSettings.funnels.create')}
          </Button>
        </div>
      </form>
    </SettingsCard>
  );
}

type DraftStage = { key: string; id?: string; name: string };

/** One funnel: rename it, and rename, reorder, add or remove its stages, then save them at once. */
function FunnelEditor({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const [name, setName] = useState(funnel.name);
  const [stages, setStages] = useState<DraftStage[]>(() =>
    [...funnel.stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({ key: stage.id, id: stage.id, name: stage.name })),
  );
  const [newStage, setNewStage] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useFunnelMutation(() =>
    dealsApi.updateFunnel(funnel.id, {
      name: name.trim(),
      stages: stages.map((stage) =>
        stage.id ? { id: stage.id, name: stage.name.trim() } : { name: stage.name.trim() },
      ),
    }),
  );
  const remove = useFunnelMutation(() => dealsApi.deleteFunnel(funnel.id));
  const saveError = useErrorText(save.error);
  const removeError = useErrorText(remove.error);

  function moveStage(index: number, step: -1 | 1) {
    setStages((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + step, 0, moved);
      return next;
    });
    save.reset();
  }

  function addStage() {
    if (!newStage.trim()) return;
    setStages((current) => [...current, { key: crypto.randomUUID(), name: newStage.trim() }]);
    setNewStage('');
  }

  return (
    <SettingsCard title={funnel.name}>
      <div className={settingsStyles.formGrid}>
        <TextField
          label={t('crmSettings.funnels.rename')}
          name="name"
          autoComplete="off"
          value={name}
          error={saveError?.fields.name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <ol className={styles.stages} aria-label={t('crmSettings.funnels.stagesOf', { name: funnel.name })}>
        {stages.map((stage, index) => (
          <li key={stage.key} className={styles.stage}>
            <input
              className={styles.inlineInput}
              aria-label={t('crmSettings.funnels.stageName', { position: index + 1 })}
              value={stage.name}
              onChange={(event) =>
                setStages((current) =>
                  current.map((item) =>
                    item.key === stage.key ? { ...item, name: event.target.value } : item,
                  ),
                )
              }
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('crmSettings.funnels.moveUp', { name: stage.name })}
              disabled={index === 0}
              onClick={() => moveStage(index, -1)}
            >
              ↑
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('crmSettings.funnels.moveDown', { name: stage.name })}
              disabled={index === stages.length - 1}
              onClick={() => moveStage(index, 1)}
            >
              ↓
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('crmSettings.funnels.removeStage', { name: stage.name })}
              disabled={stages.length === 1}
              onClick={() => setStages((current) => current.filter((item) => item.key !== stage.key))}
            >
              ×
            </Button>
          </li>
        ))}
      </ol>
      <div className={styles.cardActions}>
        <input
          className={styles.inlineInput}
          aria-label={t('crmSettings.funnels.newStage')}
          placeholder={t('crmSettings.funnels.newStage')}
          value={newStage}
          onChange={(event) => setNewStage(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addStage();
            }
          }}
        />
        <Button size="sm" onClick={addStage} disabled={!newStage.trim()}>
          {t('crmSettings.funnels.addStage')}
        </Button>
      </div>
      {saveError && <Alert tone="danger">{Object.values(saveError.fields)[0] ?? saveError.message}</Alert>}
      <div className={styles.cardActions}>
        <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(undefined)}>
          {save.isPending ? t('crmSettings.saving') : t('crmSettings.funnels.save')}
        </Button>
        <Button variant="danger" onClick={() => setConfirmDelete(true)}>
          {t('crmSettings.funnels.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('crmSettings.funnels.deleteTitle', { name: funnel.name })}
        body={t('crmSettings.funnels.deleteBody')}
        confirmLabel={t('crmSettings.delete')}
        cancelLabel={t('crmSettings.cancel')}
        busy={remove.isPending}
        error={removeError?.message ?? null}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmDelete(false) })}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
      />
    </SettingsCard>
  );
}
