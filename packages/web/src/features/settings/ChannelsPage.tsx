import type { Channel } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, ChannelsIcon, ConfirmDialog, EmptyState, LoadingScreen } from '../../shared/ui/index.ts';
import { ChannelCard } from './ChannelCard.tsx';
import styles from './Channels.module.css';
import { ConnectChannelForm } from './ConnectChannelForm.tsx';
import { useChannels, useUpdateChannel } from './channels.queries.ts';
import settingsStyles from './Settings.module.css';
import { SettingsPage, StatusNotice } from './SettingsParts.tsx';
import { WebhookSetupPanel } from './WebhookSetupPanel.tsx';

/** Admins connect WhatsApp numbers, Pages and Instagram accounts, test, edit and disconnect them. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const listHeadingId = useId();
  const channels = useChannels();
  const loadError = useErrorText(channels.error);
  const disconnect = useUpdateChannel();
  const disconnectError = useErrorText(disconnect.error);
  const [toDisconnect, setToDisconnect] = useState<Channel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function handleConfirmDisconnect() {
    if (!toDisconnect) return;
    const { id, name } = toDisconnect;
    disconnect.mutate(
      { channelId: id, changes: { active: false } },
      {
        onSuccess: () => {
          setToDisconnect(null);
          setNotice(t('channels.notices.disconnected', { name }));
        },
      },
    );
  }

  function handleCancelDisconnect() {
    setToDisconnect(null);
    disconnect.reset();
  }

  return (
    <SettingsPage title={t('channels.title')} intro={t('channels.intro')}>
      <StatusNotice notice={notice} />
      <section aria-labelledby={listHeadingId} className={styles.listSection}>
        <h2 id={listHeadingId} className={settingsStyles.cardTitle}>
          {t('channels.listTitle')}
        </h2>
        {channels.isPending && <LoadingScreen />}
        {loadError && <Alert tone="danger">{loadError.message}</Alert>}
        {channels.data && channels.data.length === 0 && (
          <EmptyState
            icon={<ChannelsIcon size={26} />}
            title={t('channels.emptyTitle')}
            headingLevel={3}
            className={styles.empty}
          >
            {t('channels.emptyBody')}
          </EmptyState>
        )}
        {channels.data && channels.data.length > 0 && (
          <ul className={styles.channels}>
            {channels.data.map((channel) => (
              <ChannelCard
                key={channel.id}
                channel={channel}
                onNotice={setNotice}
                onDisconnect={(target) => {
                  setNotice(null);
                  setToDisconnect(target);
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <ConnectChannelForm onConnected={setNotice} />
      <WebhookSetupPanel />
      <ConfirmDialog
        open={toDisconnect !== null}
        title={t('channels.disconnectTitle', { name: toDisconnect?.name ?? '' })}
        body={t('channels.disconnectBody')}
        confirmLabel={disconnect.isPending ? t('channels.disconnecting') : t('channels.disconnectConfirm')}
        cancelLabel={t('channels.cancel')}
        busy={disconnect.isPending}
        error={disconnectError?.message ?? null}
        onConfirm={handleConfirmDisconnect}
        onCancel={handleCancelDisconnect}
      />
    </SettingsPage>
  );
}
