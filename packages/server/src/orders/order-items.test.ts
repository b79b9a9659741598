import { describe, expect, it } from 'vitest';
import { itemsWithTotal, parseMajorAmount } from './order-items.ts';

describe('prices in major units', () => {
  it('become minor units by the currency’s decimals, without floating point', () => {
    expect(parseMajorAmount('12.5', 'MXN')).toBe(1250);
    expect(parseMajorAmount('0.10', 'USD')).toBe(10);
    expect(parseMajorAmount('1234', 'JPY')).toBe(1234);
    expect(parseMajorAmount('1.005', 'KWD')).toBe(1005);
    // 0.1 + 0.2 style float error would show here.
    expect(parseMajorAmount('19.99', 'EUR')).toBe(1999);
  });

  it('refuse more decimals than the currency has, signs and words', () => {
    expect(parseMajorAmount('12.345', 'MXN')).toBeNull();
    expect(parseMajorAmount('1.5', 'JPY')).toBeNull();
    expect(parseMajorAmount('-3', 'MXN')).toBeNull();
    expect(parseMajorAmount('twelve', 'MXN')).toBeNull();
    expect(parseMajorAmount('1,50', 'MXN')).toBeNull();
  });
});

describe('order totals', () => {
  it('sum quantity × unit price and refuse a total too large to store', () => {
    expect(itemsWithTotal([{ name: 'A', quantity: 3, unitPrice: 1999 }], 'body.items').total).toBe(5997);
    expect(() =>
      itemsWithTotal([{ name: 'A', quantity: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }], 'body.items'),
    ).toThrow();
  });
});
