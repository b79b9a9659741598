import { ERROR_CATALOG } from 'virtual:charla/contract-values';
import { PHONE_PROBLEM_MESSAGES, type PhoneProblem } from '@charla/contracts/rules';
import type { TFunction } from 'i18next';
import { toSupportedLanguage } from '../i18n/language.ts';
import { ApiError } from './client.ts';

/** What a form shows for a failed call: one sentence, plus messages keyed by input name. */
export type ErrorText = { message: string; fields: Record<string, string> };

/** `body.email` → `email`: the server names fields by where they sit in the request. */
function toInputName(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

/** How a typed phone number is refused, beyond the 'must not be empty' every field shares. */
const PHONE_PROBLEMS = ['characters', 'length', 'country_code'] as const satisfies readonly PhoneProblem[];

/**
 * Server field messages are the contract's English validation texts; known ones are shown in
 * the UI language, anything else as sent.
 */
export function localizeFieldMessage(message: string, t: TFunction): string {
  const phoneProblem = PHONE_PROBLEMS.find((problem) => PHONE_PROBLEM_MESSAGES[problem] === message);
  if (phoneProblem) return t(`newChat.phoneErrors.${phoneProblem}`);
  const atLeast = /at least (\d+)/.exec(message);
  if (atLeast) return t('fieldErrors.tooShort', { min: Number(atLeast[1]) });
  const atMost = /at most (\d+)/.exec(message);
  if (atMost) return t('fieldErrors.tooLong', { max: Number(atMost[1]) });
  if (/e-?mail/i.test(message)) return t('fieldErrors.email');
  if (/must not be empty/.test(message)) return t('fieldErrors.empty');
  return message;
}

/** The catalog text of a stored error code in the given language; null for a code it does not know. */
export function catalogText(code: string | null, language: string | undefined): string | null {
  if (!code || !Object.hasOwn(ERROR_CATALOG, code)) return null;
  return ERROR_CATALOG[code as keyof typeof ERROR_CATALOG][toSupportedLanguage(language)];
}

/** The catalog text for an error in the current language (network and unknown errors too). */
export function describeError(error: unknown, t: TFunction, language: string | undefined): ErrorText {
  if (!(error instanceof ApiError)) return { message: t('errors.unknown'), fields: {} };
  if (error.status === 0) return { message: t('errors.network'), fields: {} };
  if (!error.code) return { message: t('errors.unknown'), fields: {} };
  const message = ERROR_CATALOG[error.code][toSupportedLanguage(language)];
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    // Outside validation the field's reason is the error itself (a taken phone or name), which
    // the catalog words for people in both languages; the server's field text is English only.
    fields[toInputName(field.field)] ??=
      error.code === 'VALIDATION_FAILED' ? localizeFieldMessage(field.message, t) : message;
  }
  return { message, fields };
}
