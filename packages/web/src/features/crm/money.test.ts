import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, parseMoney } from './money.ts';

describe('money in minor units', () => {
  it('knows how many decimals each currency has', () => {
    expect(currencyDigits('MXN')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('reads a typed price with a dot or a comma into minor units', () => {
    expect(parseMoney('12.5', 'MXN')).toBe(1250);
    expect(parseMoney(' 12,05 ', 'MXN')).toBe(1205);
    expect(parseMoney('1200', 'JPY')).toBe(1200);
    expect(parseMoney('0.999', 'KWD')).toBe(999);
    expect(parseMoney('0', 'USD')).toBe(0);
  });

  it('refuses what is not a plain amount of that currency', () => {
    for (const text of ['', 'abc', '-3', '1.234', '12.5.0', '1,234.50', '12.5', '1e3']) {
      const currency = text === '12.5' ? 'JPY' : 'MXN';
      expect(parseMoney(text, currency), `${text} ${currency}`).toBeNull();
    }
  });

  it('shows minor units as the currency amount in the UI language', () => {
    const english = formatMoney(123450, 'MXN', 'en');
    expect(english).toContain('1,234.50');
    const spanish = formatMoney(123450, 'MXN', 'es');
    expect(spanish).toContain('1234,50');
    expect(formatMoney(1200, 'JPY', 'en')).toContain('1,200');
  });
});
