import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, type Language, toSupportedLanguage } from './language.ts';

/**
 * Starts i18next: a language saved by the user wins, else the browser's. Detection does not
 * write to storage, so only an explicit choice (`changeLanguage`) sticks across visits.
 */
export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = toSupportedLanguage(language);
  });
  await i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, es: { translation: es } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: [],
        convertDetectedLanguage: toSupportedLanguage,
      },
    });
  return i18next;
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode); the switch still applies to this visit.
  }
  await i18next.changeLanguage(language);
}
