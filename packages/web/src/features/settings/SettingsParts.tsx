import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, useDocumentTitle } from '../../shared/ui/index.ts';
import styles from './CrmSettings.module.css';
import settingsStyles from './Settings.module.css';

/** A settings page: its title (also the document's) and a line saying what it is for. */
export function SettingsPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className={settingsStyles.page}>
      <header className={settingsStyles.pageHeader}>
        <h1 className={settingsStyles.pageTitle}>{title}</h1>
        <p className={settingsStyles.intro}>{intro}</p>
      </header>
      {children}
    </div>
  );
}

/** The confirmation of the last change; always in the page, so screen readers hear each new one. */
export function StatusNotice({ notice }: { notice: string | null }) {
  return (
    <div role="status" className={notice ? undefined : 'visually-hidden'}>
      {notice && (
        <Alert tone="success" announce={false}>
          {notice}
        </Alert>
      )}
    </div>
  );
}

/** A card of a settings page, named by its heading for assistive technology. */
export function SettingsCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={settingsStyles.card}>
      <h2 id={headingId} className={settingsStyles.cardTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

type SettingsTableProps = {
  caption: string;
  /** Column headings; a last, visually hidden "actions" heading is added when `actionsLabel` is set. */
  columns: string[];
  actionsLabel?: string;
  /** Shown across the table when `rowCount` is 0. */
  emptyText: string;
  rowCount: number;
  children: ReactNode;
};

/** The list of a settings page: a captioned table that says so when it is empty. */
export function SettingsTable({
  caption,
  columns,
  actionsLabel,
  emptyText,
  rowCount,
  children,
}: SettingsTableProps) {
  const width = columns.length + (actionsLabel ? 1 : 0);
  return (
    <div className={settingsStyles.tableWrap}>
      <table className={settingsStyles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actionsLabel && (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 && (
            <tr>
              <td colSpan={width} className={settingsStyles.emptyRow}>
                {emptyText}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}

/** The lines of a "one per line" text, trimmed, without blanks. */
export function nonBlankLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

type LinesFieldProps = {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
};

/** A text area for a list typed one item per line (a list field's options, a funnel's stages). */
export function LinesField({ label, name, value, error, onChange }: LinesFieldProps) {
  const id = useId();
  return (
    <div className={settingsStyles.span2}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        className={styles.optionsInput}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className={styles.rowError}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The error of a list field: on the list itself, or on one of its items (`options.2`). */
export function listError(errors: Record<string, string | undefined>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

/**
 * Asking before deleting one item of a list: `ask(item)` opens the question; spread
 * `dialogProps` on a ConfirmDialog (with its texts for `target`): confirming runs `remove` with
 * the item's id and closes once done, a refusal shows in the dialog.
 */
export function useDeletion<Item extends { id: string }>(
  remove: UseMutationResult<unknown, unknown, string>,
) {
  const [target, setTarget] = useState<Item | null>(null);
  const error = useErrorText(remove.error);
  return {
    target,
    ask: setTarget,
    dialogProps: {
      open: target !== null,
      busy: remove.isPending,
      error: error?.message ?? null,
      onConfirm: () => target && remove.mutate(target.id, { onSuccess: () => setTarget(null) }),
      onCancel: () => {
        setTarget(null);
        remove.reset();
      },
    },
  };
}
