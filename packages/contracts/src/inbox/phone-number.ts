/** Why a typed phone number cannot be used to start a WhatsApp chat. */
export type PhoneProblem = 'empty' | 'characters' | 'length' | 'country_code';

export type ParsedPhone = { ok: true; digits: string } | { ok: false; problem: PhoneProblem };

/** E.164 allows at most 15 digits; fewer than 8 is no real number with its country code. */
export const MIN_PHONE_DIGITS = 8;
export const MAX_PHONE_DIGITS = 15;

/**
 * Reads an international phone number typed with any formatting (`+52 55 1234-5678`,
 * `0052 (55) 1234 5678`, `525512345678`) into E.164 digits without `+`. The country code must
 * be included; a leading `00` is the international dialling prefix. Shared by the server (which
 * enforces it) and the New chat dialog (which checks as you type).
 */
export function parsePhoneNumber(input: string): ParsedPhone {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return { ok: false, problem: 'characters' };
  let digits = trimmed.replace(/\D/g, '');
  if (!trimmed.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('0')) return { ok: false, problem: 'country_code' };
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS)
    return { ok: false, problem: 'length' };
  return { ok: true, digits };
}

/** What each problem means, in the API's field-error wording. */
export const PHONE_PROBLEM_MESSAGES: Record<PhoneProblem, string> = {
  empty: 'must not be empty',
  characters: 'may contain only digits, spaces, +, -, dots and brackets',
  length: `must have ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS} digits including the country code`,
  country_code: 'must start with the country code (e.g. +52), not 0',
};
