import { describe, expect, it } from 'vitest';
import { customFieldJsonValue, parseCustomFieldValue } from './custom-field-value.ts';

describe('custom field values', () => {
  it('stores each type in one canonical text form and reads it back typed', () => {
    const cases = [
      ['text', '  Ñandú  ', 'Ñandú', 'Ñandú'],
      ['integer', ' 42 ', '42', 42],
      ['integer', -7, '-7', -7],
      ['decimal', '12.50', '12.5', 12.5],
      ['boolean', 'false', 'false', false],
      ['boolean', true, 'true', true],
      ['date', '2024-02-29', '2024-02-29', '2024-02-29'],
      ['list', 'M', 'M', 'M'],
    ] as const;
    for (const [type, raw, stored, shown] of cases) {
      const parsed = parseCustomFieldValue(type, ['S', 'M'], raw);
      expect(parsed).toEqual({ ok: true, stored });
      expect(customFieldJsonValue(type, stored)).toEqual(shown);
    }
  });

  it('refuses values of the wrong type, impossible dates and options not in the list', () => {
    const refused = [
      ['text', '   '],
      ['text', 5],
      ['integer', '4.5'],
      ['integer', 'cuatro'],
      ['integer', 2 ** 60],
      ['decimal', '1e3'],
      ['boolean', 'yes'],
      ['date', '2023-02-29'],
      ['date', '29/02/2024'],
      ['list', 'XL'],
      ['list', true],
    ] as const;
    for (const [type, raw] of refused) {
      expect(parseCustomFieldValue(type, ['S', 'M'], raw).ok, `${type} ${String(raw)}`).toBe(false);
    }
  });
});
