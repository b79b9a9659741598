import type { QuickReply } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, SelectField, TextField } from '../../shared/ui/index.ts';
import settingsStyles from '../settings/Settings.module.css';
import { SettingsCard } from '../settings/SettingsParts.tsx';
import styles from './QuickReplies.module.css';
import { quickRepliesApi } from './quick-replies.api.ts';
import { useQuickReplyMutation } from './quick-replies.queries.ts';

const SHORTCUT_PATTERN = /^\/?[\p{L}\p{N}_-]{1,32}$/u;

type QuickReplyFormProps = {
  /** The reply being edited; null creates one. */
  reply: QuickReply | null;
  /** Admins and supervisors may write shared replies. */
  mayShare: boolean;
  onDone: () => void;
};

/** Shortcut, title, text and an optional file; the file is uploaded when the reply is saved. */
export function QuickReplyForm({ reply, mayShare, onDone }: QuickReplyFormProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [keepMedia, setKeepMedia] = useState(reply?.media !== null && reply?.media !== undefined);
  const save = useQuickReplyMutation(
    async (values: { shortcut: string; title: string; text: string; scope: string }) => {
      const mediaId = file
        ? (await quickRepliesApi.uploadFile(file)).id
        : keepMedia
          ? (reply?.media?.id ?? null)
          : null;
      const body = {
        shortcut: values.shortcut.trim(),
        title: values.title.trim(),
        text: values.text,
        mediaId,
      };
      return reply
        ? quickRepliesApi.update(reply.id, body)
        : quickRepliesApi.create({ ...body, scope: values.scope === 'shared' ? 'shared' : 'personal' });
    },
  );
  const serverError = useErrorText(save.error);
  const form = useForm({
    initial: {
      shortcut: reply?.shortcut ?? '',
      title: reply?.title ?? '',
      text: reply?.text ?? '',
      scope: reply?.scope ?? 'personal',
    },
    validate: (values) =>
      collectErrors({
        shortcut: SHORTCUT_PATTERN.test(values.shortcut.trim()) ? null : t('quickReplies.shortcutInvalid'),
        title: values.title.trim() ? null : t('quickReplies.titleRequired'),
        text: values.text.trim() ? null : t('quickReplies.textRequired'),
      }),
    onSubmit: (values) =>
      save.mutate(values, {
        onSuccess: () => {
          form.reset();
          setFile(null);
          onDone();
        },
      }),
    onEdit: () => save.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  return (
    <SettingsCard
      title={
        reply ? t('quickReplies.editTitle', { shortcut: reply.shortcut }) : t('quickReplies.createTitle')
      }
    >
      <form noValidate onSubmit={form.handleSubmit} className={settingsStyles.formGrid}>
        <TextField
          label={t('quickReplies.shortcut')}
          name="shortcut"
          autoComplete="off"
          hint={t('quickReplies.shortcutHint')}
          value={form.values.shortcut}
          error={errors.shortcut}
          onChange={(event) => form.setValue('shortcut', event.target.value)}
        />
        <TextField
          label={t('quickReplies.replyTitle')}
          name="title"
          autoComplete="off"
          value={form.values.title}
          error={errors.title}
          onChange={(event) => form.setValue('title', event.target.value)}
        />
        {mayShare && !reply && (
          <SelectField
            label={t('quickReplies.scope')}
            name="scope"
            value={form.values.scope}
            onChange={(event) =>
              form.setValue('scope', event.target.value === 'shared' ? 'shared' : 'personal')
            }
          >
            <option value="personal">{t('quickReplies.personalOption')}</option>
            <option value="shared">{t('quickReplies.sharedOption')}</option>
          </SelectField>
        )}
        <div className={`${settingsStyles.span2} ${styles.textField}`}>
          <label htmlFor={`${fileId}-text`}>{t('quickReplies.text')}</label>
          <textarea
            id={`${fileId}-text`}
            name="text"
            rows={4}
            maxLength={4096}
            value={form.values.text}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? `${fileId}-text-error` : undefined}
            onChange={(event) => form.setValue('text', event.target.value)}
          />
          {errors.text && (
            <p id={`${fileId}-text-error`} className={styles.error}>
              {errors.text}
            </p>
          )}
        </div>
        <div className={`${settingsStyles.span2} ${styles.fileRow}`}>
          <label htmlFor={fileId}>{t('quickReplies.file')}</label>
          {keepMedia && reply?.media && !file ? (
            <p>
              {reply.media.fileName ?? reply.media.mimeType}{' '}
              <Button size="sm" variant="ghost" onClick={() => setKeepMedia(false)}>
                {t('quickReplies.removeFile')}
              </Button>
            </p>
          ) : (
            <input id={fileId} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          )}
        </div>
        {serverError && (
          <Alert tone="danger" className={settingsStyles.span2}>
            {serverError.message}
          </Alert>
        )}
        <div className={settingsStyles.formActions}>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending
              ? t('quickReplies.saving')
              : reply
                ? t('quickReplies.save')
                : t('quickReplies.create')}
          </Button>
          {reply && <Button onClick={onDone}>{t('quickReplies.cancel')}</Button>}
        </div>
      </form>
    </SettingsCard>
  );
}
