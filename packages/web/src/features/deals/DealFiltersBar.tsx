import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/ui/index.ts';
import { parseMoney } from '../crm/money.ts';
import { useMembers } from '../settings/members.queries.ts';
import styles from './Deals.module.css';
import type { DealFilters } from './deals.api.ts';

/** What the filter inputs hold, as typed. */
export type FilterValues = { owner: string; minAmount: string; maxAmount: string };

/** Amount filters are typed in whole currency units with up to two decimals (cents). */
const FILTER_DIGITS_CURRENCY = 'USD';

type FilterCheck =
  | { ok: true; filters: DealFilters }
  | { ok: false; errors: Partial<Record<keyof FilterValues, 'amount' | 'range'>> };

/** The typed filters as the API's query, or which input is wrong. */
export function toDealFilters(funnel: string, values: FilterValues): FilterCheck {
  const min = values.minAmount.trim() ? parseMoney(values.minAmount, FILTER_DIGITS_CURRENCY) : undefined;
  const max = values.maxAmount.trim() ? parseMoney(values.maxAmount, FILTER_DIGITS_CURRENCY) : undefined;
  if (min === null) return { ok: false, errors: { minAmount: 'amount' } };
  if (max === null) return { ok: false, errors: { maxAmount: 'amount' } };
  if (min !== undefined && max !== undefined && min > max)
    return { ok: false, errors: { maxAmount: 'range' } };
  const filters: DealFilters = { funnel };
  if (values.owner) filters.owner = values.owner;
  if (min !== undefined) filters.minAmount = min;
  if (max !== undefined) filters.maxAmount = max;
  return { ok: true, filters };
}

type DealFiltersBarProps = {
  values: FilterValues;
  errors: Partial<Record<keyof FilterValues, 'amount' | 'range'>>;
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
