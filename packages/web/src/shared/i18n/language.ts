/** The languages Charla speaks; the first is the fallback. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the language chosen in the user menu is remembered. */
export const LANGUAGE_STORAGE_KEY = 'charla.language';

/** Any Spanish variant (es, es-MX, es-419…) speaks Spanish; everything else English. */
export function toSupportedLanguage(tag: string | undefined | null): Language {
  return tag?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
