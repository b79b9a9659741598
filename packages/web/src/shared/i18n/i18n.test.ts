import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { formattingLocale, toSupportedLanguage } from './language.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `dotted.key` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

/** `{{name}}` placeholders in a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('UI translations', () => {
  const english = flatten(en);
  const spanish = flatten(es);

  it('has exactly the same keys in English and Spanish', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty text in either language', () => {
    const empty = [...english, ...spanish].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...english]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(spanish.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe('language detection', () => {
  it('speaks Spanish to any Spanish browser and English to everyone else', () => {
    expect(['es', 'es-MX', 'ES-419', 'es-ar'].map(toSupportedLanguage)).toEqual(['es', 'es', 'es', 'es']);
    expect(['en-US', 'pt-BR', 'fr', '', undefined].map(toSupportedLanguage)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });
});

describe('formatting locale', () => {
  it("writes numbers and dates the way the browser's region does, in the UI language", () => {
    expect(formattingLocale('es', ['es-MX', 'en-US'])).toBe('es-MX');
    expect(formattingLocale('es', ['es-ar'])).toBe('es-AR');
    expect(formattingLocale('en', ['es-MX', 'en-GB'])).toBe('en-GB');
  });

  it('falls back to Latin American Spanish and US English when the browser names no region for it', () => {
    expect(formattingLocale('es', ['en-US'])).toBe('es-419');
    expect(formattingLocale('es', ['es'])).toBe('es-419');
    expect(formattingLocale('en', ['es-ES'])).toBe('en-US');
    expect(new Intl.NumberFormat(formattingLocale('es', [])).format(2700.5)).toBe('2,700.5');
  });
});
