import type { CustomerImportResult } from '@charla/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ChangeEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, useErrorText } from '../../shared/api/index.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import styles from './Customers.module.css';

type CustomerImport = UseMutationResult<CustomerImportResult, Error, File>;

/** Admins pick a CSV file of customers; it is sent at once. */
export function ImportCustomersButton({ importing }: { importing: CustomerImport }) {
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
        aria-label={t('customers.import.file')}
        tabIndex={-1}
        onChange={pick}
      />
      <Button onClick={() => input.current?.click()} disabled={importing.isPending}>
        {importing.isPending ? t('customers.import.importing') : t('customers.import.button')}
      </Button>
    </>
  );
}

/** What the last import did, or every bad line of a file that imported nothing. */
export function ImportCustomersResult({ importing }: { importing: CustomerImport }) {
  const { t } = useTranslation();
  const errorText = useErrorText(importing.error);
  const lineErrors = importing.error instanceof ApiError ? importing.error.fields : [];
  /** "line 3: phone" → "Line 3, phone" in the UI language. */
  const placeOf = (field: string) => {
    const place = /^line (\d+)(?:: (.+))?$/.exec(field);
    const line = place?.[1];
    if (!line) return field;
    return place[2]
      ? t('customers.import.lineColumn', { line, column: place[2] })
      : t('customers.import.line', { line });
  };
  return (
    <div aria-live="polite" className={styles.importResult}>
      {importing.data && (
        <Alert tone="success" announce={false}>
          {t('customers.import.done', { created: importing.data.created, updated: importing.data.updated })}
        </Alert>
      )}
      {errorText && (
        <Alert tone="danger">
          <p>{lineErrors.length > 0 ? t('customers.import.failed') : errorText.message}</p>
          {lineErrors.length > 0 && (
            <ul className={styles.lineErrors}>
              {lineErrors.map((error) => (
                <li key={`${error.field}:${error.message}`}>
                  <strong>{placeOf(error.field)}</strong> {error.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}
