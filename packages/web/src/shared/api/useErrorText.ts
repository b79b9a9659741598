import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from './error-text.ts';

/** The localized text for a failed call (or null), re-translated when the language changes. */
export function useErrorText(error: unknown): ErrorText | null {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return describeError(error, t, i18n.resolvedLanguage);
}
