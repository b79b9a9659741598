import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../shared/ui/index.ts';
import { type CustomerChoice, customerApi } from '../customer/customer.api.ts';
import styles from './Deals.module.css';

export type DealCustomer = CustomerChoice;

type DealCustomerPickerProps = {
  picked: DealCustomer | null;
  error: string | undefined;
  onPick: (customer: DealCustomer | null) => void;
};

/** The deal's customer, found by searching their chats. */
export function DealCustomerPicker({ picked, error, onPick }: DealCustomerPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const results = useQuery({
    queryKey: ['deals', 'customer-search', deferred],
    queryFn: () => customerApi.search(deferred),
    enabled: deferred.length >= 2,
    staleTime: 10_000,
  });

  if (picked) {
    return (
      <div className={styles.pickedCustomer}>
        <p>{t('deals.form.customerPicked', { name: picked.displayName })}</p>
        <Button size="sm" variant="ghost" onClick={() => onPick(null)}>
          {t('deals.form.changeCustomer')}
        </Button>
      </div>
    );
  }
  const choices = results.data ?? [];
  return (
    <div>
      <TextField
        label={t('deals.form.customer')}
        name="customerId"
        type="search"
        autoComplete="off"
        placeholder={t('deals.form.customerPlaceholder')}
        value={query}
        error={error}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div aria-live="polite">
        {results.isFetching && <p className={styles.muted}>{t('deals.form.searching')}</p>}
        {!results.isFetching && deferred.length >= 2 && choices.length === 0 && (
          <p className={styles.muted}>{t('deals.form.noCustomers', { query: deferred })}</p>
        )}
        {choices.length > 0 && (
          <ul className={styles.customerChoices}>
            {choices.map((choice) => (
              <li key={choice.id}>
                <Button size="sm" onClick={() => onPick(choice)}>
                  {choice.displayName}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
