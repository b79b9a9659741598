/** The languages Charla speaks; the first is the fallback. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the language chosen in the user menu is remembered. */
export const LANGUAGE_STORAGE_KEY = 'charla.language';

/** Any Spanish variant (es, es-MX, es-419…) speaks Spanish; everything else English. */
export function toSupportedLanguage(tag: string | undefined | null): Language {
  return tag?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Where a UI language's numbers and dates are written when the browser names no region for it. */
const DEFAULT_REGION: Record<Language, string> = { en: 'en-US', es: 'es-419' };

/**
 * The locale numbers, money and dates are written in: the browser's own regional variant of the
 * UI language when it lists one (es-MX writes 2,700.50; es-AR and es-ES write 2700,50), else
 * Latin American Spanish or US English.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => toSupportedLanguage(tag) === language && tag.includes('-'));
  if (!regional) return DEFAULT_REGION[language];
  try {
    return Intl.getCanonicalLocales(regional)[0] ?? DEFAULT_REGION[language];
  } catch {
    return DEFAULT_REGION[language];
  }
}
