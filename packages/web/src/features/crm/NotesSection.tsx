import type { CustomerNote } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert, Button, ConfirmDialog } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite, useNotes } from './crm.queries.ts';

/** Notes about the customer: who wrote each and when; your own ones can be edited or deleted. */
export function NotesSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const notes = useNotes(customerId);
  const loadError = useErrorText(notes.error);
  return (
    <div className={styles.stack}>
      <NoteComposer customerId={customerId} />
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {notes.data && notes.data.length === 0 && <p className={styles.muted}>{t('crm.notes.none')}</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className={styles.list}>
          {notes.data.map((note) => (
            <NoteItem key={note.id} customerId={customerId} note={note} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoteComposer({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const add = useCrmWrite((text: string) => crmApi.addNote(customerId, text), [crmKeys.notes(customerId)]);
  const errorText = useErrorText(add.error);
  const inputId = useId();
  return (
    <form
      className={styles.editor}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(body, { onSuccess: () => setBody('') });
      }}
    >
      <label htmlFor={inputId} className={styles.inlineLabel}>
        {t('crm.notes.new')}
      </label>
      <textarea
        id={inputId}
        className={styles.textarea}
        rows={2}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={errorText ? true : undefined}
      />
      {errorText && (
        <p className={styles.error} role="alert">
          {errorText.fields.body ?? errorText.message}
        </p>
      )}
      <Button
        type="submit"
        size="sm"
        variant="primary"
        className={styles.startButton}
        disabled={add.isPending || !body.trim()}
      >
        {t('crm.notes.add')}
      </Button>
    </form>
  );
}

function NoteItem({ customerId, note }: { customerId: string; note: CustomerNote }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const { member } = useSession();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = [crmKeys.notes(customerId)];
  const edit = useCrmWrite((text: string) => crmApi.editNote(customerId, note.id, text), refresh);
  const remove = useCrmWrite(() => crmApi.deleteNote(customerId, note.id), refresh);
  const editError = useErrorText(edit.error);
  const removeError = useErrorText(remove.error);
  const mine = note.author?.id === member.id;
  const edited = note.updatedAt > note.createdAt;

  return (
    <li className={styles.item}>
      <p className={styles.itemMeta}>
        <span className={styles.itemAuthor}>{note.author?.name ?? t('crm.notes.formerMember')}</span>
        {' · '}
        <time dateTime={new Date(note.createdAt).toISOString()}>{dateTime(note.createdAt)}</time>
        {edited && ` · ${t('crm.notes.edited')}`}
      </p>
      {draft === null ? (
        <p className={styles.noteBody}>{note.body}</p>
      ) : (
        <form
          className={styles.editor}
          onSubmit={(event) => {
            event.preventDefault();
            edit.mutate(draft, { onSuccess: () => setDraft(null) });
          }}
        >
          <textarea
            aria-label={t('crm.notes.editLabel')}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this note
            autoFocus
            className={styles.textarea}
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          {editError && (
            <p className={styles.error} role="alert">
              {editError.fields.body ?? editError.message}
            </p>
          )}
          <div className={styles.row}>
            <Button type="submit" size="sm" variant="primary" disabled={edit.isPending || !draft.trim()}>
              {t('crm.save')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              {t('crm.cancel')}
            </Button>
          </div>
        </form>
      )}
      {mine && draft === null && (
        <div className={styles.row}>
          <Button size="sm" variant="ghost" onClick={() => setDraft(note.body)}>
            {t('crm.notes.edit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            {t('crm.notes.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('crm.notes.deleteTitle')}
        body={t('crm.notes.deleteBody')}
        confirmLabel={t('crm.notes.delete')}
        cancelLabel={t('crm.cancel')}
        busy={remove.isPending}
        error={removeError?.message ?? null}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}
