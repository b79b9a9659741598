import type { QuickReply } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button, ConfirmDialog, LoadingScreen } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import settingsStyles from '../settings/Settings.module.css';
import { SettingsPage, SettingsTable, useDeletion } from '../settings/SettingsParts.tsx';
import styles from './QuickReplies.module.css';
import { QuickReplyForm } from './QuickReplyForm.tsx';
import { quickRepliesApi } from './quick-replies.api.ts';
import { useQuickReplies, useQuickReplyMutation } from './quick-replies.queries.ts';

/** Everyone keeps personal replies; admins and supervisors also write the team's shared ones. */
export function QuickRepliesPage() {
  const { t } = useTranslation();
  const { member } = useSession();
  const mayShare = member.role !== 'agent';
  const replies = useQuickReplies();
  const loadError = useErrorText(replies.error);
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const deletion = useDeletion<QuickReply>(useQuickReplyMutation(quickRepliesApi.remove));
  const all = replies.data ?? [];

  const table = (scope: 'personal' | 'shared', caption: string) => {
    const rows = all.filter((reply) => reply.scope === scope);
    const mayChange = scope === 'personal' || mayShare;
    return (
      <SettingsTable
        caption={caption}
        columns={[
          t('quickReplies.shortcut'),
          t('quickReplies.replyTitle'),
          t('quickReplies.text'),
          t('quickReplies.fileColumn'),
        ]}
        actionsLabel={mayChange ? t('quickReplies.actions') : undefined}
        emptyText={t('quickReplies.none')}
        rowCount={rows.length}
      >
        {rows.map((reply) => (
          <tr key={reply.id}>
            <th scope="row" className={styles.shortcut}>
              /{reply.shortcut}
            </th>
            <td>{reply.title}</td>
            <td className={styles.replyText}>{reply.text}</td>
            <td className={settingsStyles.muted}>
              {reply.media ? (reply.media.fileName ?? reply.media.mimeType) : '—'}
            </td>
            {mayChange && (
              <td>
                <div className={styles.rowActions}>
                  <Button
                    size="sm"
                    aria-label={t('quickReplies.editLabel', { shortcut: reply.shortcut })}
                    onClick={() => setEditing(reply)}
                  >
                    {t('quickReplies.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('quickReplies.deleteLabel', { shortcut: reply.shortcut })}
                    onClick={() => deletion.ask(reply)}
                  >
                    {t('quickReplies.delete')}
                  </Button>
                </div>
              </td>
            )}
          </tr>
        ))}
      </SettingsTable>
    );
  };

  return (
    <SettingsPage title={t('quickReplies.title')} intro={t('quickReplies.intro')}>
      <QuickReplyForm
        key={editing?.id ?? 'new'}
        reply={editing}
        mayShare={mayShare}
        onDone={() => setEditing(null)}
      />
      {replies.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {replies.data && (
        <>
          {table('personal', t('quickReplies.personal'))}
          {table('shared', t('quickReplies.shared'))}
        </>
      )}
      <ConfirmDialog
        {...deletion.dialogProps}
        title={t('quickReplies.deleteTitle', { shortcut: deletion.target?.shortcut ?? '' })}
        body={t('quickReplies.deleteBody')}
        confirmLabel={t('quickReplies.deleteConfirm')}
        cancelLabel={t('quickReplies.cancel')}
      />
    </SettingsPage>
  );
}
