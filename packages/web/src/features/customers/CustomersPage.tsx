import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import {
  Alert,
  Button,
  EmptyState,
  LoadingScreen,
  PeopleIcon,
  useDocumentTitle,
} from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { CustomerFiltersBar } from './CustomerFiltersBar.tsx';
import styles from './Customers.module.css';
import { CustomersTable } from './CustomersTable.tsx';
import { activeFilterCount, customerQuery, NO_CUSTOMER_FILTERS } from './customer-filters.ts';
import { customersApi } from './customers.api.ts';
import { useCustomerList, useImportCustomers } from './customers.queries.ts';
import { ImportCsvButton, ImportCsvResult } from './ImportCsv.tsx';
import { useOrdersImportUi } from './ImportOrders.tsx';

/** Every customer the member may see: search, filters, their conversations, CSV out and in. */
export function CustomersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('customers.title'));
  const { member } = useSession();
  const [values, setValues] = useState(NO_CUSTOMER_FILTERS);
  const query = customerQuery(useDeferredValue(values));
  const list = useCustomerList(query);
  const importing = useImportCustomers();
  const ordersImport = useOrdersImportUi();
  const customersImported = importing.data
    ? t('customers.import.done', { created: importing.data.created, updated: importing.data.updated })
    : null;
  const loadError = useErrorText(list.error);
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(values.q.trim()) || activeFilterCount(values) > 0;

  return (
    <main id="main" tabIndex={-1} className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('customers.title')}</h1>
        <div className={styles.actions}>
          <a className={styles.exportLink} href={customersApi.exportUrl(query)} download>
            {t('customers.export')}
          </a>
          {member.role === 'admin' && (
            <>
              <ImportCsvButton
                importing={importing}
                label={t('customers.import.button')}
                fileLabel={t('customers.import.file')}
              />
              {ordersImport.button}
            </>
          )}
        </div>
      </header>
      {member.role === 'admin' && (
        <>
          <ImportCsvResult importing={importing} done={customersImported} />
          {ordersImport.result}
        </>
      )}
      <CustomerFiltersBar values={values} showOwner={member.role !== 'agent'} onChange={setValues} />
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {list.isPending && <LoadingScreen />}
      {list.data && customers.length === 0 && (
        <EmptyState
          icon={<PeopleIcon size={26} />}
          title={filtered ? t('customers.noneFound') : t('customers.emptyTitle')}
        >
          {filtered ? t('customers.noneFoundHint') : t('customers.emptyHint')}
        </EmptyState>
      )}
      {customers.length > 0 && <CustomersTable customers={customers} />}
      {list.hasNextPage && (
        <Button
          className={styles.more}
          onClick={() => list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t('customers.loadingMore') : t('customers.loadMore')}
        </Button>
      )}
    </main>
  );
}
