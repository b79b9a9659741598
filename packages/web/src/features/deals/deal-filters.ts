import { parseMoney } from '../crm/money.ts';
import type { DealFilters } from './deals.api.ts';

/** What the filter inputs hold, as typed. */
export type FilterValues = { owner: string; minAmount: string; maxAmount: string };

/** Amount filters are typed in whole currency units with up to two decimals (cents). */
const FILTER_DIGITS_CURRENCY = 'USD';

/** Which input is wrong and why. */
export type FilterErrors = Partial<Record<keyof FilterValues, 'amount' | 'range'>>;

type FilterCheck = { ok: true; filters: DealFilters } | { ok: false; errors: FilterErrors };

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
