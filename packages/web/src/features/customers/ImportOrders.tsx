import type { ImportLineError, OrderImport } from '@charla/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Customers.module.css';
import { isImportRunning, useImportOrders, useOrderImport } from './customers.queries.ts';
import { type CsvLineProblem, ImportCsvButton, ImportCsvResult } from './ImportCsv.tsx';

/** "line 3: currency" as the upload's 400 names a bad line; line 0 is the file as a whole. */
const problemOf = (error: ImportLineError): CsvLineProblem => ({
  field: error.line > 0 ? `line ${error.line}${error.column ? `: ${error.column}` : ''}` : 'file',
  message: error.message,
});

/**
 * A running import's phase: the lines checked of the file's lines while checking (the bar
 * fills), then the orders being stored in one go (the bar has no end to show).
 */
function ImportProgress({ progress }: { progress: OrderImport }) {
  const { t } = useTranslation();
  const id = useId();
  const label =
    progress.status === 'checking'
      ? t('customers.importOrders.checking', { processed: progress.processed, total: progress.total })
      : progress.status === 'storing'
        ? t('customers.importOrders.storing', { count: progress.orders })
        : t('customers.importOrders.queued');
  return (
    <div className={styles.importProgress}>
      <label htmlFor={id}>{label}</label>
      {progress.status === 'checking' ? (
        <progress id={id} value={progress.processed} max={Math.max(progress.total, 1)} />
      ) : (
        <progress id={id} />
      )}
    </div>
  );
}

/** The orders import of the Customers page: its button, progress while it runs and the outcome. */
export function useOrdersImportUi() {
  const { t } = useTranslation();
  const importing = useImportOrders();
  const progress = useOrderImport(importing.data).data;
  const running = isImportRunning(progress?.status);
  const button = (
    <ImportCsvButton
      importing={importing}
      label={t('customers.importOrders.button')}
      fileLabel={t('customers.importOrders.file')}
      busy={importing.isPending || running}
    />
  );
  const result = (
    <ImportCsvResult
      importing={importing}
      done={progress?.status === 'done' ? t('customers.importOrders.done', { count: progress.orders }) : null}
      problems={progress?.status === 'failed' ? progress.errors.map(problemOf) : []}
    >
      {progress && running && <ImportProgress progress={progress} />}
    </ImportCsvResult>
  );
  return { button, result };
}
