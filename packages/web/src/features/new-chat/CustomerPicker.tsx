import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../shared/ui/index.ts';
import styles from './NewChat.module.css';
import { type CustomerChoice, newChatApi } from './new-chat.api.ts';

type CustomerPickerProps = {
  picked: CustomerChoice | null;
  error: string | undefined;
  onPick: (customer: CustomerChoice | null) => void;
};

/** Finds a known customer by name, phone or e-mail; the results are a group of radio buttons. */
export function CustomerPicker({ picked, error, onPick }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const resultsId = useId();
  const results = useQuery({
    queryKey: ['new-chat', 'customers', deferred],
    queryFn: () => newChatApi.searchCustomers(deferred),
    enabled: deferred.length >= 2,
    staleTime: 10_000,
  });

  if (picked) {
    return (
      <div className={styles.picked}>
        <p>
          {t('newChat.pickedCustomer', { name: picked.name })}
          {picked.phone && <span className={styles.muted}> · +{picked.phone}</span>}
        </p>
        <Button size="sm" variant="ghost" onClick={() => onPick(null)}>
          {t('newChat.change')}
        </Button>
      </div>
    );
  }

  const choices = results.data ?? [];
  return (
    <div className={styles.picker}>
      <TextField
        label={t('newChat.customerSearch')}
        name="customerSearch"
        type="search"
        autoComplete="off"
        placeholder={t('newChat.customerSearchPlaceholder')}
        value={query}
        error={error}
        aria-controls={resultsId}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div id={resultsId} aria-live="polite">
        {results.isFetching && <p className={styles.muted}>{t('newChat.searching')}</p>}
        {!results.isFetching && deferred.length >= 2 && choices.length === 0 && (
          <p className={styles.muted}>{t('newChat.noCustomers', { query: deferred })}</p>
        )}
        {choices.length > 0 && (
          <ul className={styles.choices}>
            {choices.map((choice) => (
              <li key={choice.id}>
                <button type="button" className={styles.choice} onClick={() => onPick(choice)}>
                  <span>{choice.name}</span>
                  {choice.phone && <span className={styles.muted}>+{choice.phone}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
