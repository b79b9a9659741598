import { describe, expect, it } from 'vitest';
import { activeFilterCount, customerQuery, NO_CUSTOMER_FILTERS } from './customer-filters.ts';

describe('customer list filters', () => {
  it('send only what is filled in, trimmed, with the custom field as field.<id>', () => {
    const query = customerQuery({
      q: '  josé ',
      tag: 't1',
      owner: '',
      fieldId: 'f1',
      fieldValue: ' Mérida ',
    });
    expect(query.toString()).toBe(
      new URLSearchParams({ q: 'josé', tag: 't1', 'field.f1': 'Mérida' }).toString(),
    );
    expect(customerQuery(NO_CUSTOMER_FILTERS).toString()).toBe('');
  });

  it('leave out a custom field with no value and count the filters that apply', () => {
    const values = { ...NO_CUSTOMER_FILTERS, owner: 'me', fieldId: 'f1', fieldValue: ' ' };
    expect(customerQuery(values).has('field.f1')).toBe(false);
    expect(activeFilterCount(values)).toBe(1);
  });
});
