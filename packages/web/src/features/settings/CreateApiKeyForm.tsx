import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import type { CreatedApiKeyResponse } from '../../shared/api/types.ts';
import { checkName, collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, TextField } from '../../shared/ui/index.ts';
import { useCreateApiKey } from './api-keys.queries.ts';
import { NewSecretNotice } from './NewSecretNotice.tsx';
import styles from './Settings.module.css';
import { SettingsCard } from './SettingsParts.tsx';

/** Names and creates a key, then shows its secret once until the admin confirms saving it. */
export function CreateApiKeyForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const createApiKey = useCreateApiKey();
  const serverError = useErrorText(createApiKey.error);
  const [created, setCreated] = useState<CreatedApiKeyResponse | null>(null);
  const form = useForm({
    initial: { name: '' },
    validate: (values, translate) => collectErrors({ name: checkName(values.name, translate) }),
    onSubmit: (values) =>
      createApiKey.mutate(values, {
        onSuccess: (response) => {
          form.reset();
          setCreated(response);
          onCreated();
        },
      }),
    onEdit: () => createApiKey.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  return (
    <SettingsCard title={t('apiKeys.createTitle')}>
      {created ? (
        <NewSecretNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        <form noValidate onSubmit={form.handleSubmit} className={styles.formGrid}>
          <TextField
            label={t('apiKeys.keyName')}
            name="name"
            autoComplete="off"
            hint={t('apiKeys.keyNameHint')}
            value={form.values.name}
            error={errors.name}
            onChange={(event) => form.setValue('name', event.target.value)}
          />
          <div className={styles.formActions}>
            <Button type="submit" variant="primary" disabled={createApiKey.isPending}>
              {createApiKey.isPending ? t('apiKeys.creating') : t('apiKeys.create')}
            </Button>
          </div>
          {serverError && (
            <Alert tone="danger" className={styles.span2}>
              {serverError.message}
            </Alert>
          )}
        </form>
      )}
    </SettingsCard>
  );
}
