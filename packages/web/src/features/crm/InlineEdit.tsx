import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import styles from './Crm.module.css';

type InlineEditProps = {
  label: string;
  /** The request field the server names in its errors (`email` for `body.email`). */
  name: string;
  value: string;
  /** What shows instead of the value when it is empty. */
  placeholder: ReactNode;
  /** Read-only with this explanation (e.g. the WhatsApp number). */
  readOnlyHint?: string | undefined;
  inputType?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'decimal' | undefined;
  /** A check before asking the server: the message to show, or null when the value may go. */
  check?: ((value: string) => string | null) | undefined;
  onSave: (value: string) => Promise<unknown>;
};

/**
 * A value shown as text that becomes an input on click or Enter: Enter or leaving the field
 * saves, Escape puts the old value back. A refusal from the server stays at the field.
 */
export function InlineEdit({
  label,
  name,
  value,
  placeholder,
  readOnlyHint,
  inputType = 'text',
  inputMode,
  check,
  onSave,
}: InlineEditProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorText = useErrorText(error);
  const cancelled = useRef(false);
  const inputId = useId();
  const labelId = `${inputId}-label`;
  const valueId = `${inputId}-value`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;

  async function save() {
    if (draft === null || saving) return;
    if (draft.trim() === value) {
      setDraft(null);
      setError(null);
      setRefusal(null);
      return;
    }
    const refused = check?.(draft.trim()) ?? null;
    setRefusal(refused);
    if (refused) return;
    setSaving(true);
    try {
      await onSave(draft.trim());
      setDraft(null);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    cancelled.current = true;
    setDraft(null);
    setError(null);
    setRefusal(null);
  }

  const fieldError = refusal ?? (errorText ? (errorText.fields[name] ?? errorText.message) : undefined);
  const readOnly = readOnlyHint !== undefined;

  return (
    <div className={styles.inlineField}>
      <label id={labelId} htmlFor={inputId} className={styles.inlineLabel}>
        {label}
      </label>
      {draft === null ? (
        <button
          id={inputId}
          type="button"
          className={styles.inlineValue}
          disabled={readOnly}
          aria-labelledby={`${labelId} ${valueId}`}
          aria-describedby={readOnly ? hintId : undefined}
          title={readOnly ? undefined : t('crm.edit', { field: label })}
          onClick={() => {
            cancelled.current = false;
            setDraft(value);
          }}
        >
          <span id={valueId}>{value || placeholder}</span>
        </button>
      ) : (
        <input
          id={inputId}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field
          autoFocus
          className={styles.inlineInput}
          type={inputType}
          inputMode={inputMode}
          name={name}
          value={draft}
          disabled={saving}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? errorId : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }
          }}
          onBlur={() => {
            if (cancelled.current) {
              cancelled.current = false;
              return;
            }
            void save();
          }}
        />
      )}
      {readOnly && (
        <p id={hintId} className={styles.hint}>
          {readOnlyHint}
        </p>
      )}
      {fieldError && draft !== null && (
        <p id={errorId} className={styles.error} role="alert">
          {fieldError}
        </p>
      )}
    </div>
  );
}
