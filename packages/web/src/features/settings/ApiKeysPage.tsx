import type { ApiKey } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, ConfirmDialog, LoadingScreen } from '../../shared/ui/index.ts';
import { ApiKeysTable } from './ApiKeysTable.tsx';
import { useApiKeys, useRevokeApiKey } from './api-keys.queries.ts';
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx';
import { SettingsPage, StatusNotice } from './SettingsParts.tsx';

/** Admins create keys (secret shown once), see when each was last used, and revoke them. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const apiKeys = useApiKeys();
  const loadError = useErrorText(apiKeys.error);
  const revokeApiKey = useRevokeApiKey();
  const revokeError = useErrorText(revokeApiKey.error);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function handleConfirmRevoke() {
    if (!toRevoke) return;
    const { name } = toRevoke;
    revokeApiKey.mutate(toRevoke.id, {
      onSuccess: () => {
        setToRevoke(null);
        setNotice(t('apiKeys.revoked', { name }));
      },
    });
  }

  function handleCancelRevoke() {
    setToRevoke(null);
    revokeApiKey.reset();
  }

  return (
    <SettingsPage title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      <StatusNotice notice={notice} />
      <CreateApiKeyForm onCreated={() => setNotice(null)} />
      {apiKeys.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {apiKeys.data && <ApiKeysTable apiKeys={apiKeys.data} onRevoke={setToRevoke} />}
      <ConfirmDialog
        open={toRevoke !== null}
        title={t('apiKeys.revokeTitle', { name: toRevoke?.name ?? '' })}
        body={t('apiKeys.revokeBody')}
        confirmLabel={revokeApiKey.isPending ? t('apiKeys.revoking') : t('apiKeys.revokeConfirm')}
        cancelLabel={t('apiKeys.cancel')}
        busy={revokeApiKey.isPending}
        error={revokeError?.message ?? null}
        onConfirm={handleConfirmRevoke}
        onCancel={handleCancelRevoke}
      />
    </SettingsPage>
  );
}
