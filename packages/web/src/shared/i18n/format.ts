import { useTranslation } from 'react-i18next';
import { formattingLocale, toSupportedLanguage } from './language.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Absolute date, e.g. "Mar 4, 2026" / "4 mar 2026", in the current UI language. */
export function formatDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(timestamp);
}

/** Date and time, e.g. "Mar 4, 2026, 3:05 PM", for tooltips. */
export function formatDateTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

/** "5 minutes ago" / "hace 5 minutos"; older than a week falls back to the date. */
export function formatRelative(timestamp: number, language: string, now: number = Date.now()): string {
  const elapsed = timestamp - now;
  const magnitude = Math.abs(elapsed);
  if (magnitude >= 7 * DAY) return formatDate(timestamp, language);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (magnitude < MINUTE) return relative.format(0, 'second');
  if (magnitude < HOUR) return relative.format(Math.round(elapsed / MINUTE), 'minute');
  if (magnitude < DAY) return relative.format(Math.round(elapsed / HOUR), 'hour');
  return relative.format(Math.round(elapsed / DAY), 'day');
}

/**
 * Date formatters bound to the current UI language, written the way the reader's region writes
 * them; `language` is that locale, for the other Intl formatters (money, sizes, numbers).
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = formattingLocale(toSupportedLanguage(i18n.resolvedLanguage), navigator.languages);
  return {
    language,
    date: (timestamp: number) => formatDate(timestamp, language),
    dateTime: (timestamp: number) => formatDateTime(timestamp, language),
    relative: (timestamp: number) => formatRelative(timestamp, language),
  };
}
