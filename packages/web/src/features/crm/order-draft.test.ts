import { describe, expect, it } from 'vitest';
import { draftTotal, type OrderDraft, orderRequestFromDraft } from './order-draft.ts';

const draft = (overrides: Partial<OrderDraft> = {}): OrderDraft => ({
  currency: 'mxn',
  status: 'pending',
  notes: '  ',
  items: [
    { name: ' Huipil ', sku: '', quantity: '2', unitPrice: '450.5' },
    { name: 'Rebozo', sku: 'RB-1', quantity: '1', unitPrice: '1200' },
  ],
  ...overrides,
});

describe('the order form', () => {
  it('sends prices in minor units, the currency in capitals and blank extras as null', () => {
    const result = orderRequestFromDraft(draft());
    expect(result).toEqual({
      ok: true,
      request: {
        currency: 'MXN',
        status: 'pending',
        notes: null,
        items: [
          { name: 'Huipil', sku: null, quantity: 2, unitPrice: 45050 },
          { name: 'Rebozo', sku: 'RB-1', quantity: 1, unitPrice: 120000 },
        ],
      },
    });
    expect(draftTotal(draft())).toBe(2 * 45050 + 120000);
  });

  it('names each field to fix, line by line', () => {
    const result = orderRequestFromDraft(
      draft({ items: [{ name: '', sku: '', quantity: '0', unitPrice: '4.555' }] }),
    );
    expect(result).toEqual({
      ok: false,
      problems: { 'items.0.name': 'required', 'items.0.quantity': 'quantity', 'items.0.unitPrice': 'price' },
    });
    expect(orderRequestFromDraft(draft({ currency: 'XYZ' }))).toEqual({
      ok: false,
      problems: { currency: 'currency' },
    });
    expect(draftTotal(draft({ currency: 'XYZ' }))).toBeNull();
  });
});
