import type { Channel } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button, LoadingScreen } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';
import { useSyncTemplates, useTemplates } from './channels.queries.ts';
import { TemplateItem } from './TemplateItem.tsx';

/** A WhatsApp number's templates, and a button to sync them from its Business Account now. */
export function ChannelTemplates({ id, channel }: { id: string; channel: Channel }) {
  const { t } = useTranslation();
  const titleId = useId();
  const templates = useTemplates(channel.id, true);
  const loadError = useErrorText(templates.error);
  const sync = useSyncTemplates(channel.id);
  const syncError = useErrorText(sync.error);
  const [syncedCount, setSyncedCount] = useState<number | null>(null);

  function handleSync() {
    setSyncedCount(null);
    sync.mutate(undefined, { onSuccess: (items) => setSyncedCount(items.length) });
  }

  return (
    <section id={id} aria-labelledby={titleId} className={styles.panel}>
      <div className={styles.panelHead}>
        <h4 id={titleId} className={styles.panelTitle}>
          {t('channels.templates.title')}
        </h4>
        <Button size="sm" variant="primary" disabled={sync.isPending || !channel.active} onClick={handleSync}>
          {sync.isPending ? t('channels.templates.syncing') : t('channels.templates.sync')}
        </Button>
      </div>
      <p className={styles.panelIntro}>
        {channel.active ? t('channels.templates.intro') : t('channels.templates.reconnectToSync')}
      </p>
      <p role="status" className={syncedCount === null ? 'visually-hidden' : styles.syncedNote}>
        {syncedCount !== null && t('channels.templates.synced', { total: syncedCount })}
      </p>
      {syncError && <Alert tone="danger">{syncError.message}</Alert>}
      {templates.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {templates.data && templates.data.length === 0 && (
        <p className={styles.muted}>{t('channels.templates.empty')}</p>
      )}
      {templates.data && templates.data.length > 0 && (
        <ul
          aria-label={t('channels.templates.listLabel', { name: channel.name })}
          className={styles.templates}
        >
          {templates.data.map((template) => (
            <TemplateItem key={template.id} template={template} />
          ))}
        </ul>
      )}
    </section>
  );
}
