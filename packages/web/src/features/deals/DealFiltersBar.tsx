import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/ui/index.ts';
import { useMembers } from '../settings/members.queries.ts';
import styles from './Deals.module.css';
import type { FilterErrors, FilterValues } from './deal-filters.ts';

type DealFiltersBarProps = {
  values: FilterValues;
  errors: FilterErrors;
  /** Agents only ever see their own deals: no owner filter for them. */
  showOwner: boolean;
  onChange: (values: FilterValues) => void;
};

/** Owner and amount range of the deals on the board. */
export function DealFiltersBar({ values, errors, showOwner, onChange }: DealFiltersBarProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const errorText = (kind: 'amount' | 'range' | undefined): string | undefined =>
    kind === 'amount'
      ? t('deals.filters.amountInvalid')
      : kind === 'range'
        ? t('deals.filters.rangeInvalid')
        : undefined;

  return (
    <fieldset className={styles.filters}>
      <legend className="visually-hidden">{t('deals.filters.legend')}</legend>
      {showOwner && (
        <label className={styles.filterSelect}>
          <span>{t('deals.filters.owner')}</span>
          <select
            value={values.owner}
            onChange={(event) => onChange({ ...values, owner: event.target.value })}
          >
            <option value="">{t('deals.filters.anyOwner')}</option>
            <option value="me">{t('deals.filters.me')}</option>
            {(members.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <TextField
        label={t('deals.filters.minAmount')}
        name="minAmount"
        inputMode="decimal"
        autoComplete="off"
        className={styles.amountFilter}
        value={values.minAmount}
        error={errorText(errors.minAmount)}
        onChange={(event) => onChange({ ...values, minAmount: event.target.value })}
      />
      <TextField
        label={t('deals.filters.maxAmount')}
        name="maxAmount"
        inputMode="decimal"
        autoComplete="off"
        className={styles.amountFilter}
        value={values.maxAmount}
        error={errorText(errors.maxAmount)}
        onChange={(event) => onChange({ ...values, maxAmount: event.target.value })}
      />
    </fieldset>
  );
}
