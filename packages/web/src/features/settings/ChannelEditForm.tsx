import type { Channel } from '@charla/contracts';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkName, collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, TextField } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';
import { useChannelErrorText } from './channel-errors.ts';
import { checkAppSecret, checkToken } from './channel-form.ts';
import type { UpdateChannelRequest } from './channels.api.ts';
import { useUpdateChannel } from './channels.queries.ts';

export type EditMode = 'rename' | 'token' | 'reconnect';

type EditValues = { name: string; accessToken: string; appSecret: string };

type ChannelEditFormProps = {
  id: string;
  mode: EditMode;
  channel: Channel;
  /** Called with a confirmation sentence once the server has saved the change. */
  onSaved: (message: string) => void;
  onCancel: () => void;
};

function toChanges(mode: EditMode, values: EditValues): UpdateChannelRequest {
  if (mode === 'rename') return { name: values.name.trim() };
  const accessToken = values.accessToken.trim();
  if (mode === 'reconnect') return { active: true, accessToken };
  const appSecret = values.appSecret.trim();
  return appSecret ? { accessToken, appSecret } : { accessToken };
}

/** Rename, replace the token (and optionally the app secret), or reconnect with a new token. */
export function ChannelEditForm({ id, mode, channel, onSaved, onCancel }: ChannelEditFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateChannel();
  const serverError = useChannelErrorText(update.error);
  const form = useForm<EditValues>({
    initial: { name: channel.name, accessToken: '', appSecret: '' },
    validate: (values, translate) =>
      mode === 'rename'
        ? collectErrors({ name: checkName(values.name, translate) })
        : collectErrors({
            accessToken: checkToken(values.accessToken, translate),
            appSecret: mode === 'token' ? checkAppSecret(values.appSecret, translate) : null,
          }),
    onSubmit: (values) =>
      update.mutate(
        { channelId: channel.id, changes: toChanges(mode, values) },
        {
          onSuccess: (updated) => {
            const name = updated.name;
            if (mode === 'rename') onSaved(t('channels.notices.renamed', { name }));
            else if (mode === 'token') onSaved(t('channels.notices.tokenReplaced', { name }));
            else onSaved(t('channels.notices.reconnected', { name }));
          },
        },
      ),
    onEdit: () => update.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  // Opened from a button: put the cursor in the first input so typing can start at once.
  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  const title =
    mode === 'rename'
      ? t('channels.edit.renameTitle')
      : mode === 'token'
        ? t('channels.edit.tokenTitle')
        : t('channels.edit.reconnectTitle');
  const busyLabel = mode === 'reconnect' ? t('channels.edit.reconnecting') : t('channels.edit.saving');
  const submitLabel = mode === 'reconnect' ? t('channels.reconnect') : t('channels.edit.save');

  return (
    <form
      ref={formRef}
      id={id}
      aria-labelledby={titleId}
      noValidate
      onSubmit={form.handleSubmit}
      className={styles.panel}
    >
      <h4 id={titleId} className={styles.panelTitle}>
        {title}
      </h4>
      {mode !== 'rename' && (
        <p className={styles.panelIntro}>
          {mode === 'token' ? t('channels.edit.tokenIntro') : t('channels.edit.reconnectIntro')}
        </p>
      )}
      <div className={styles.panelFields}>
        {mode === 'rename' ? (
          <TextField
            label={t('channels.fields.name')}
            name="name"
            autoComplete="off"
            value={form.values.name}
            error={errors.name}
            onChange={(event) => form.setValue('name', event.target.value)}
          />
        ) : (
          <TextField
            label={t('channels.fields.accessToken')}
            name="accessToken"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            hint={t(`channels.hints.${channel.type}Token`)}
            value={form.values.accessToken}
            error={errors.accessToken}
            onChange={(event) => form.setValue('accessToken', event.target.value)}
          />
        )}
        {mode === 'token' && (
          <TextField
            label={t('channels.fields.optional', { label: t('channels.fields.appSecret') })}
            name="appSecret"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            hint={t('channels.edit.appSecretHint')}
            value={form.values.appSecret}
            error={errors.appSecret}
            onChange={(event) => form.setValue('appSecret', event.target.value)}
          />
        )}
      </div>
      {serverError && <Alert tone="danger">{serverError.message}</Alert>}
      <div className={styles.panelActions}>
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? busyLabel : submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={update.isPending}>
          {t('channels.cancel')}
        </Button>
      </div>
    </form>
  );
}
