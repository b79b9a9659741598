import type { QuickReply } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button, ConfirmDialog, LoadingScreen, useDocumentTitle } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import settingsStyles from '../settings/Settings.module.css';
import styles from './QuickReplies.module.css';
import { QuickReplyForm } from './QuickReplyForm.tsx';
import { quickRepliesApi } from './quick-replies.api.ts';
import { useQuickReplies, useQuickReplyMutation } from './quick-replies.queries.ts';

/** Everyone keeps personal replies; admins and supervisors also write the team's shared ones. */
export function QuickRepliesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('quickReplies.title'));
  const { member } = useSession();
  const mayShare = member.role !== 'agent';
  const replies = useQuickReplies();
  const loadError = useErrorText(replies.error);
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const [toDelete, setToDelete] = useState<QuickReply | null>(null);
  const remove = useQuickReplyMutation(quickRepliesApi.remove);
  const removeError = useErrorText(remove.error);
  const all = replies.data ?? [];

  const table = (scope: 'personal' | 'shared', caption: string) => {
    const rows = all.filter((reply) => reply.scope === scope);
    const mayChange = scope === 'personal' || mayShare;
    return (
      <div className={settingsStyles.tableWrap}>
        <table className={settingsStyles.table}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('quickReplies.shortcut')}</th>
              <th scope="col">{t('quickReplies.replyTitle')}</th>
              <th scope="col">{t('quickReplies.text')}</th>
              <th scope="col">{t('quickReplies.fileColumn')}</th>
              {mayChange && (
                <th scope="col">
                  <span className="visually-hidden">{t('quickReplies.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={mayChange ? 5 : 4} className={settingsStyles.emptyRow}>
                  {t('quickReplies.none')}
                </td>
              </tr>
            )}
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
                        onClick={() => setToDelete(reply)}
                      >
                        {t('quickReplies.delete')}
                      </Button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <div className={settingsStyles.page}>
      <header className={settingsStyles.pageHeader}>
        <h1 className={settingsStyles.pageTitle}>{t('quickReplies.title')}</h1>
        <p className={settingsStyles.intro}>{t('quickReplies.intro')}</p>
      </header>
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
        open={toDelete !== null}
        title={t('quickReplies.deleteTitle', { shortcut: toDelete?.shortcut ?? '' })}
        body={t('quickReplies.deleteBody')}
        confirmLabel={t('quickReplies.deleteConfirm')}
        cancelLabel={t('quickReplies.cancel')}
        busy={remove.isPending}
        error={removeError?.message ?? null}
        onConfirm={() => toDelete && remove.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
      />
    </div>
  );
}
