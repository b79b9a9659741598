import type { ImportLineError } from '@charla/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Customers.module.css';
import { useImportOrders, useOrderImport } from './customers.queries.ts';
import { type CsvLineProblem, ImportCsvButton, ImportCsvResult } from './ImportCsv.tsx';

/** "line 3: currency" as the upload's 400 names a bad line; line 0 is the file as a whole. */
const problemOf = (error: ImportLineError): CsvLineProblem => ({
  field: error.line > 0 ? `line ${error.line}${error.column ? `: ${error.column}` : ''}` : '',
  message: error.message,
});

/** The orders import of the Customers page: its button, progress while it runs and the outcome. */
export function useOrdersImportUi() {
  const { t } = useTranslation();
  const progressId = useId();
  const importing = useImportOrders();
  const progress = useOrderImport(importing.data).data;
  const running = progress?.status === 'queued' || progress?.status === 'importing';
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
      done={progress?.status === 'done' ? t('customers.importOrders.done', { count: progress.total }) : null}
      problems={progress?.status === 'failed' ? progress.errors.map(problemOf) : []}
    >
      {progress && running && (
        <div className={styles.importProgress}>
          <label htmlFor={progressId}>
            {t('customers.importOrders.progress', { processed: progress.processed, total: progress.total })}
          </label>
          <progress id={progressId} value={progress.processed} max={Math.max(progress.total, 1)} />
        </div>
      )}
    </ImportCsvResult>
  );
  return { button, result };
}
