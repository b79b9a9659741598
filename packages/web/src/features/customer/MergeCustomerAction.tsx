import type { CustomerProfile } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Button, ConfirmDialog, TextField } from '../../shared/ui/index.ts';
import { useModalDialog } from '../../shared/ui/useModalDialog.ts';
import { type CustomerChoice, customerApi } from './customer.api.ts';
import { customerQueryKey } from './customer.queries.ts';
import styles from './MergeCustomer.module.css';

type MergeCustomerActionProps = { customer: CustomerProfile['customer'] };

/**
 * "Merge with another customer…": find the other record of the same person, confirm what moves,
 * and the panel shows the merged customer.
 */
export function MergeCustomerAction({ customer }: MergeCustomerActionProps) {
  const { t } = useTranslation();
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<CustomerChoice | null>(null);
  const [mergedName, setMergedName] = useState<string | null>(null);
  return (
    <div className={styles.action}>
      <Button size="sm" variant="ghost" onClick={() => setSearching(true)}>
        {t('crm.merge.open')}
      </Button>
      {mergedName && (
        <p role="status" className={styles.muted}>
          {t('crm.merge.done', { from: mergedName })}
        </p>
      )}
      <MergeSearchDialog
        open={searching}
        customer={customer}
        onPick={(choice) => {
          setSearching(false);
          setPicked(choice);
        }}
        onClose={() => setSearching(false)}
      />
      {picked && (
        <MergeConfirmation
          kept={customer}
          from={picked}
          onDone={(merged) => {
            setPicked(null);
            setMergedName(merged);
          }}
          onCancel={() => setPicked(null)}
        />
      )}
    </div>
  );
}

type MergeSearchDialogProps = {
  open: boolean;
  customer: CustomerProfile['customer'];
  onPick: (choice: CustomerChoice) => void;
  onClose: () => void;
};

function MergeSearchDialog({ open, customer, onPick, onClose }: MergeSearchDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog(open);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const results = useQuery({
    queryKey: ['customers', 'merge-search', deferred],
    queryFn: () => customerApi.search(deferred),
    enabled: open && deferred.length >= 2,
    staleTime: 10_000,
  });
  const choices = (results.data ?? []).filter((choice) => choice.id !== customer.id);
  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className={styles.title}>
        {t('crm.merge.title', { name: customer.displayName })}
      </h2>
      <p className={styles.muted}>{t('crm.merge.intro')}</p>
      <TextField
        label={t('crm.merge.search')}
        name="mergeCustomer"
        type="search"
        autoComplete="off"
        placeholder={t('crm.merge.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div aria-live="polite">
        {results.isFetching && <p className={styles.muted}>{t('crm.merge.searching')}</p>}
        {!results.isFetching && deferred.length >= 2 && choices.length === 0 && (
          <p className={styles.muted}>{t('crm.merge.noResults', { query: deferred })}</p>
        )}
        {choices.length > 0 && (
          <ul className={styles.choices}>
            {choices.map((choice) => (
              <li key={choice.id}>
                <Button
                  size="sm"
                  aria-label={t('crm.merge.pick', { name: choice.displayName })}
                  onClick={() => onPick(choice)}
                >
                  {choice.displayName}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={styles.actions}>
        <Button onClick={onClose}>{t('crm.merge.close')}</Button>
      </div>
    </dialog>
  );
}

type MergeConfirmationProps = {
  kept: CustomerProfile['customer'];
  from: CustomerChoice;
  onDone: (mergedName: string) => void;
  onCancel: () => void;
};

/** Says what moves (the other customer's channels, chats and CRM records), then merges. */
function MergeConfirmation({ kept, from, onDone, onCancel }: MergeConfirmationProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fromProfile = useQuery({
    queryKey: customerQueryKey(from.id),
    queryFn: () => customerApi.profile(from.id),
  });
  const merge = useMutation({
    mutationFn: () => customerApi.merge(kept.id, from.id),
    onSuccess: async (profile) => {
      queryClient.removeQueries({ queryKey: customerQueryKey(from.id) });
      queryClient.setQueryData(customerQueryKey(kept.id), profile);
      await queryClient.invalidateQueries({ queryKey: customerQueryKey(kept.id) });
      onDone(from.displayName);
    },
  });
  const error = useErrorText(merge.error ?? fromProfile.error);
  const channels = [...new Set(fromProfile.data?.customer.identities.map(({ channelType }) => channelType))];
  return (
    <ConfirmDialog
      open
      title={t('crm.merge.confirmTitle', { from: from.displayName, into: kept.displayName })}
      body={t('crm.merge.confirmBody', {
        from: from.displayName,
        into: kept.displayName,
        channels: channels.map((type) => t(`channels.types.${type}`)).join(', '),
      })}
      confirmLabel={t('crm.merge.confirm')}
      cancelLabel={t('crm.merge.cancel')}
      busy={merge.isPending || fromProfile.isPending}
      error={error?.message}
      onConfirm={() => merge.mutate()}
      onCancel={onCancel}
    />
  );
}
