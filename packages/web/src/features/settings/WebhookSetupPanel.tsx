import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, LoadingScreen } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';
import { CopyField } from './CopyField.tsx';
import { useWebhookSetup } from './channels.queries.ts';
import settingsStyles from './Settings.module.css';
import { SettingsCard } from './SettingsParts.tsx';

/** The callback URL and verify token an admin pastes into the Meta App Dashboard. */
export function WebhookSetupPanel() {
  const { t } = useTranslation();
  const setup = useWebhookSetup();
  const loadError = useErrorText(setup.error);
  return (
    <SettingsCard title={t('channels.webhook.title')}>
      <p className={settingsStyles.cardIntro}>{t('channels.webhook.intro')}</p>
      {setup.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {setup.data && (
        <div className={styles.webhookFields}>
          <CopyField label={t('channels.webhook.url')} value={setup.data.webhookUrl} />
          {setup.data.verifyToken ? (
            <CopyField label={t('channels.webhook.verifyToken')} value={setup.data.verifyToken} />
          ) : (
            <Alert tone="warning" announce={false}>
              {t('channels.webhook.noVerifyToken')}
            </Alert>
          )}
        </div>
      )}
    </SettingsCard>
  );
}
