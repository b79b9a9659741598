import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, errorCodeSchema } from './errors.ts';

describe('the error catalog', () => {
  it('gives every code an HTTP error status and text in English and Spanish', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOG)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.en.trim(), code).not.toBe('');
      expect(entry.es.trim(), code).not.toBe('');
      expect(entry.es, code).not.toBe(entry.en);
    }
  });

  it('accepts exactly the catalog codes in responses', () => {
    expect(errorCodeSchema.options.sort()).toEqual(Object.keys(ERROR_CATALOG).sort());
    expect(errorCodeSchema.safeParse('SOMETHING_ELSE').success).toBe(false);
  });
});
