import { ERROR_CATALOG } from 'virtual:charla/contract-values';
import type { TFunction } from 'i18next';
import { toSupportedLanguage } from '../i18n/language.ts';
import { ApiError } from './client.ts';

/** What a form shows for a failed call: one sentence, plus messages keyed by input name. */
export type ErrorText = { message: string; fields: Record<string, string> };

/** `body.email` → `email`: the server names fields by where they sit in the request. */
function toInputName(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

/**
 * Server field messages are the contract's English validation texts; known ones are shown in
 * the UI language, anything else as sent.
 */
export function localizeFieldMessage(message: string, t: TFunction): string {
  const atLeast = /at least (\d+)/.exec(message);
  if (atLeast) return t('fieldErrors.tooShort', { min: Number(atLeast[1]) });
  const atMost = /at most (\d+)/.exec(message);
  if (atMost) return t('fieldErrors.tooLong', { max: Number(atMost[1]) });
  if (/e-?mail/i.test(message)) return t('fieldErrors.email');
  if (/must not be empty/.test(message)) return t('fieldErrors.empty');
  return message;
}

/** The catalog text for an error in the current language (network and unknown errors too). */
export function describeError(error: unknown, t: TFunction, language: string | undefined): ErrorText {
  if (!(error instanceof ApiError)) return { message: t('errors.unknown'), fields: {} };
  if (error.status === 0) return { message: t('errors.network'), fields: {} };
  if (!error.code) return { message: t('errors.unknown'), fields: {} };
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    fields[toInputName(field.field)] ??= localizeFieldMessage(field.message, t);
  }
  return { message: ERROR_CATALOG[error.code][toSupportedLanguage(language)], fields };
}
