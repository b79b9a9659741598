import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from './phone-number.ts';

describe('reading a phone number typed to start a WhatsApp chat', () => {
  it.each([
    ['+52 55 1234 5678', '525512345678'],
    ['+52 (55) 1234-5678', '525512345678'],
    ['0052 55.1234.5678', '525512345678'],
    ['5491155554444', '5491155554444'],
    ['  +1 415 555 0100 ', '14155550100'],
  ])('accepts %s as %s', (typed, digits) => {
    expect(parsePhoneNumber(typed)).toEqual({ ok: true, digits });
  });

  it('says what is wrong with a number it cannot use', () => {
    expect(parsePhoneNumber('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parsePhoneNumber('55 1234 abcd')).toEqual({ ok: false, problem: 'characters' });
    expect(parsePhoneNumber('+52 55')).toEqual({ ok: false, problem: 'length' });
    expect(parsePhoneNumber('+52 55 1234 5678 9012')).toEqual({ ok: false, problem: 'length' });
    expect(parsePhoneNumber('055 1234 5678')).toEqual({ ok: false, problem: 'country_code' });
    expect(parsePhoneNumber('52+55 1234 5678')).toEqual({ ok: false, problem: 'characters' });
  });
});
