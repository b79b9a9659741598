import { describe, expect, it } from 'vitest';
import { toDealFilters } from './deal-filters.ts';

describe('deal board filters', () => {
  it('sends only the filters that are set, amounts in minor units', () => {
    expect(toDealFilters('f1', { owner: '', minAmount: '', maxAmount: '' })).toEqual({
      ok: true,
      filters: { funnel: 'f1' },
    });
    expect(toDealFilters('f1', { owner: 'me', minAmount: '100', maxAmount: ' 2500,5 ' })).toEqual({
      ok: true,
      filters: { funnel: 'f1', owner: 'me', minAmount: 10000, maxAmount: 250050 },
    });
  });

  it('names the input that is not an amount, or a range that is upside down', () => {
    expect(toDealFilters('f1', { owner: '', minAmount: 'mil', maxAmount: '' })).toEqual({
      ok: false,
      errors: { minAmount: 'amount' },
    });
    expect(toDealFilters('f1', { owner: '', minAmount: '', maxAmount: '-5' })).toEqual({
      ok: false,
      errors: { maxAmount: 'amount' },
    });
    expect(toDealFilters('f1', { owner: '', minAmount: '500', maxAmount: '100' })).toEqual({
      ok: false,
      errors: { maxAmount: 'range' },
    });
  });
});
