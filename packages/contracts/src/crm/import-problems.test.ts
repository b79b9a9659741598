import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CATALOG, importProblemText } from './import-problems.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('the import problem catalog', () => {
  it('words every problem in English and Spanish as a sentence with the same placeholders', () => {
    for (const [code, text] of Object.entries(IMPORT_PROBLEM_CATALOG)) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(text.es, code).not.toBe(text.en);
      expect(placeholders(text.es), code).toEqual(placeholders(text.en));
      for (const sentence of [text.en, text.es]) expect(sentence, code).toMatch(/^[A-ZÁÉÍÓÚÑ].*\.$/);
    }
  });

  it('fills the details and writes numbers the way each language does', () => {
    const tooMany = { code: 'too_many_lines', params: { max: 50_000 } } as const;
    expect(importProblemText(tooMany, 'en')).toBe(
      'The file has more than 50,000 lines; split it into smaller files.',
    );
    expect(importProblemText(tooMany, 'es')).toBe(
      'El archivo tiene más de 50.000 líneas; divídelo en archivos más pequeños.',
    );
    const list = { code: 'field_list', params: { options: 'Oro, Plata' } } as const;
    expect(importProblemText(list, 'es')).toBe('Usa una de las opciones del campo: Oro, Plata.');
  });
});
