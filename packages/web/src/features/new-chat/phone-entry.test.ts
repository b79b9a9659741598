import { describe, expect, it } from 'vitest';
import { internationalNumber, readPhoneEntry, regionOfNumber } from './phone-entry.ts';

describe('typing the phone number of a new chat', () => {
  it('puts the picked country code in front of a national number', () => {
    expect(internationalNumber('MX', '55 1234 5678')).toBe('+52 55 1234 5678');
    expect(readPhoneEntry('CO', '300 123 4567')).toEqual({ ok: true, digits: '573001234567' });
  });

  it('keeps the country code of a number typed with + or 00', () => {
    expect(readPhoneEntry('MX', '+54 9 11 5555 4444')).toEqual({ ok: true, digits: '5491155554444' });
    expect(readPhoneEntry('MX', '0034 612 345 678')).toEqual({ ok: true, digits: '34612345678' });
  });

  it('says what is wrong with a number that cannot be used', () => {
    expect(readPhoneEntry('MX', '')).toEqual({ ok: false, problem: 'empty' });
    expect(readPhoneEntry('MX', '55-12')).toEqual({ ok: false, problem: 'length' });
    expect(readPhoneEntry('MX', 'call me')).toEqual({ ok: false, problem: 'characters' });
  });

  it('starts the picker at the country of the business’s own number', () => {
    expect(regionOfNumber('5215512345678')).toBe('MX');
    expect(regionOfNumber('15550001111')).toBe('US');
    expect(regionOfNumber('593991234567')).toBe('EC');
    expect(regionOfNumber(null)).toBe('MX');
  });
});
