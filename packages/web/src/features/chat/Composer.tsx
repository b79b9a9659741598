import type { Conversation, Message } from '@charla/contracts';
import { acceptedMediaTypes } from '@charla/contracts/rules';
import {
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, classNames } from '../../shared/ui/index.ts';
import { AttachmentTray } from './AttachmentTray.tsx';
import { checkFiles, type PickedFile, type RefusedFile } from './attachments.ts';
import styles from './Composer.module.css';
import { PaperclipIcon } from './chat-icons.tsx';
import {
  type ComposerSuggestion,
  type ComposerSuggestionSource,
  NO_SUGGESTIONS,
  suggestionFile,
  suggestionQuery,
} from './composer-suggestions.ts';
import { drafts } from './draft-store.ts';
import { EmojiPicker } from './EmojiPicker.tsx';
import type { Outgoing } from './outgoing.ts';
import { TemplatePicker } from './TemplatePicker.tsx';
import { WindowBanner } from './WindowBanner.tsx';
import { windowNotice } from './window-countdown.ts';

type ComposerProps = {
  conversation: Conversation;
  /** False for supervisors: only internal notes. */
  canSendToCustomer: boolean;
  replyTo: Message | null;
  onCancelReply: () => void;
  onSend: (outgoing: Outgoing) => Promise<void>;
  /** Where `/` suggestions come from (quick replies); none unless a feature plugs in. */
  suggestions?: ComposerSuggestionSource | undefined;
};

/** Re-reads the clock every 30 s so the window countdown stays current. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Writing a reply or an internal note: Enter sends, Shift+Enter starts a new line; emoji,
 * files (picker, drop, paste) checked against the channel's limits first; the draft is kept
 * per conversation; the messaging window decides between free text, a template or a note.
 */
export function Composer({
  conversation,
  canSendToCustomer,
  replyTo,
  onCancelReply,
  onSend,
  suggestions,
}: ComposerProps) {
  const { t } = useTranslation();
  const saved = drafts.load(conversation.id);
  const [text, setText] = useState(saved?.text ?? '');
  const [noteMode, setNoteMode] = useState(saved?.note ?? false);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const errorText = useErrorText(error);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const now = useNow();

  const channel = conversation.channel.type;
  const notice = windowNotice(channel, conversation.lastInboundAt, now);
  const note = noteMode || !canSendToCustomer;
  const blocked = conversation.customer.blocked;
  const windowOpen = notice.state === 'open' || notice.state === 'human_agent';
  const freeTextAllowed = note || (windowOpen && !blocked);
  const matches = (suggestions ?? NO_SUGGESTIONS).useMatches(suggestionQuery(text));
  const [highlighted, setHighlighted] = useState(0);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const showMatches = matches.length > 0 && dismissedFor !== text;
  const active = Math.min(highlighted, matches.length - 1);

  useEffect(() => {
    drafts.save(conversation.id, { text, note: noteMode });
  }, [conversation.id, text, noteMode]);

  function addFiles(list: readonly File[]) {
    if (list.length === 0) return;
    const { accepted, refused: refusedNow } = checkFiles(channel, list);
    setFiles((current) => [...current, ...accepted]);
    setRefused(refusedNow);
  }

  function removeFile(key: string) {
    setFiles((current) => {
      const removed = current.find((file) => file.key === key);
      if (removed?.previewUrl) URL.revokeObjectURL(removed.previewUrl);
      return current.filter((file) => file.key !== key);
    });
  }

  function insertAtCursor(insert: string) {
    const element = textareaRef.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + insert + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + insert.length, start + insert.length);
    });
  }

  function pickSuggestion(match: ComposerSuggestion) {
    setText(match.text);
    textareaRef.current?.focus();
    if (match.file && !note) {
      suggestionFile(match.file).then((file) => addFiles([file]), setError);
    }
  }

  /** ↑/↓ move through the `/` matches, Enter or Tab takes one, Escape hides them. */
  function handleSuggestionKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!showMatches) return false;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      setHighlighted((active + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const match = matches[active];
      if (match) pickSuggestion(match);
    } else if (event.key === 'Escape') {
      setDismissedFor(text);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  async function handleSend() {
    const body = text.trim();
    const outgoing: Outgoing[] = note
      ? body
        ? [{ type: 'note', text: body }]
        : []
      : files.length > 0
        ? files.map((picked, index) => ({
            type: 'media' as const,
            file: picked.file,
            caption: index === 0 ? body : '',
            replyTo: index === 0 ? replyTo : null,
          }))
        : body
          ? [{ type: 'text', text: body, replyTo }]
          : [];
    if (outgoing.length === 0) return;
    // Clear at once: the message is already in the thread (queued); a refusal puts it back.
    setText('');
    setFiles([]);
    setRefused([]);
    setError(null);
    onCancelReply();
    drafts.clear(conversation.id);
    try {
      for (const message of outgoing) await onSend(message);
    } catch (caught) {
      setError(caught);
      setText(body);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing || handleSuggestionKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void handleSend();
    }
  }

  function handlePaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0 || note) return;
    event.preventDefault();
    addFiles(pasted);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!note && freeTextAllowed) addFiles([...event.dataTransfer.files]);
  }

  const placeholder = note ? t('chat.composer.notePlaceholder') : t('chat.composer.placeholder');
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a shortcut for the attach button.
    <div
      className={classNames(styles.composer, note && styles.noteMode, dragging && styles.dragging)}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
    >
      {!canSendToCustomer && <p className={styles.hint}>{t('chat.composer.supervisor')}</p>}
      {canSendToCustomer && !note && !blocked && <WindowBanner notice={notice} />}
      {canSendToCustomer && !note && blocked && (
        <p className={styles.windowClosed}>{t('chat.composer.blocked')}</p>
      )}
      {replyTo && !note && (
        <div className={styles.replyBar}>
          <span className={styles.replyText}>
            {t('chat.reply.replyingTo', { preview: replyTo.text ?? t('chat.reply.media') })}
          </span>
          <button
            type="button"
            className={styles.remove}
            aria-label={t('chat.reply.cancel')}
            onClick={onCancelReply}
          >
            ×
          </button>
        </div>
      )}
      {!note && !blocked && notice.state === 'template' && canSendToCustomer && (
        <TemplatePicker channelId={conversation.channel.id} onSend={onSend} />
      )}
      {freeTextAllowed && (
        <>
          <AttachmentTray files={files} refused={refused} onRemove={removeFile} />
          {showMatches && (
            <div
              id={`${inputId}-suggestions`}
              role="listbox"
              className={styles.suggestions}
              aria-label={t('chat.composer.suggestions')}
            >
              {matches.map((match, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea keeps focus and handles the keys (↑ ↓ Enter Tab).
                <div
                  key={match.id}
                  id={`${inputId}-suggestion-${index}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === active}
                  className={classNames(styles.suggestion, index === active && styles.suggestionActive)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pickSuggestion(match)}
                >
                  <strong>/{match.shortcut}</strong> {match.title}
                  <span className={styles.suggestionText}>{match.text}</span>
                </div>
              ))}
            </div>
          )}
          <label htmlFor={inputId} className="visually-hidden">
            {note ? t('chat.composer.noteLabel') : t('chat.composer.label')}
          </label>
          <textarea
            id={inputId}
            ref={textareaRef}
            className={styles.textarea}
            value={text}
            placeholder={placeholder}
            title={t('chat.composer.keys')}
            rows={Math.min(Math.max(text.split('\n').length, 1), 8)}
            maxLength={note ? 10_000 : 4096}
            aria-autocomplete={suggestions ? 'list' : undefined}
            aria-controls={showMatches ? `${inputId}-suggestions` : undefined}
            aria-activedescendant={showMatches ? `${inputId}-suggestion-${active}` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setHighlighted(0);
            }}
            onKeyDown={handleKeyDown}
            onPaste={handlePaste}
          />
        </>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
      <div className={styles.toolbar}>
        <button
          type="button"
          className={classNames(styles.noteToggle, note && styles.noteToggleOn)}
          aria-pressed={note}
          disabled={!canSendToCustomer}
          onClick={() => setNoteMode((value) => !value)}
        >
          {t('chat.composer.noteToggle')}
        </button>
        {freeTextAllowed && (
          <>
            <EmojiPicker onPick={insertAtCursor} />
            {!note && (
              <>
                <button
                  type="button"
                  className={styles.tool}
                  aria-label={t('chat.attach.button')}
                  title={t('chat.attach.button')}
                  onClick={() => fileInputRef.current?.click()}
                >
                  <PaperclipIcon />
                </button>
                <input
                  ref={fileInputRef}
                  type="file"
                  multiple
                  hidden
                  accept={acceptedMediaTypes(channel).join(',')}
                  onChange={(event) => {
                    addFiles([...(event.target.files ?? [])]);
                    event.target.value = '';
                  }}
                />
              </>
            )}
            <button
              type="button"
              className={styles.send}
              onClick={() => void handleSend()}
              disabled={text.trim() === '' && (note || files.length === 0)}
            >
              {note ? t('chat.composer.addNote') : t('chat.composer.send')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
