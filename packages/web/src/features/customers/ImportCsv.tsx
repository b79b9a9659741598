import type { UseMutationResult } from '@tanstack/react-query';
import { type ChangeEvent, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, useErrorText } from '../../shared/api/index.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import styles from './Customers.module.css';

type CsvUpload = UseMutationResult<unknown, Error, File>;

/** Admins pick a CSV file; it is sent at once. */
export function ImportCsvButton({
  importing,
  label,
  fileLabel,
  busy = importing.isPending,
}: {
  importing: CsvUpload;
  /** What the button says, e.g. "Import CSV". */
  label: string;
  /** The file picker's name, e.g. "CSV file of customers". */
  fileLabel: string;
  /** Still at work (the upload, or a job the upload started). */
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) importing.mutate(file);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        aria-label={fileLabel}
        tabIndex={-1}
        onChange={pick}
      />
      <Button onClick={() => input.current?.click()} disabled={busy}>
        {busy ? t('customers.import.importing') : label}
      </Button>
    </>
  );
}

/** A bad line of a file: `line 3: phone` (`line 3`, or `file` for the whole file) and what is wrong there. */
export type CsvLineProblem = { field: string; message: string };

/**
 * What the last import did (`done`), how far it is (`children`), or every bad line of a file
 * that imported nothing (from the upload's error, or `problems` found later).
 */
export function ImportCsvResult({
  importing,
  done,
  problems = [],
  children,
}: {
  importing: CsvUpload;
  done: string | null;
  problems?: readonly CsvLineProblem[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText(importing.error);
  const lineErrors = importing.error instanceof ApiError ? importing.error.fields : problems;
  /** "line 3: phone" → "Line 3, phone:" in the UI language; the file as a whole needs no place. */
  const placeOf = (field: string) => {
    if (field === 'file') return null;
    const place = /^line (\d+)(?:: (.+))?$/.exec(field);
    const line = place?.[1];
    if (!line) return field;
    return place[2]
      ? t('customers.import.lineColumn', { line, column: place[2] })
      : t('customers.import.line', { line });
  };
  return (
    <div aria-live="polite" className={styles.importResult}>
      {children}
      {done && (
        <Alert tone="success" announce={false}>
          {done}
        </Alert>
      )}
      {(errorText || lineErrors.length > 0) && (
        <Alert tone="danger">
          <p>{lineErrors.length > 0 ? t('customers.import.failed') : errorText?.message}</p>
          {lineErrors.length > 0 && (
            <ul className={styles.lineErrors}>
              {lineErrors.map((error) => (
                <li key={`${error.field}:${error.message}`}>
                  {placeOf(error.field) && <strong>{placeOf(error.field)}</strong>} {error.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}
