import type { TFunction } from 'i18next';

/** Minimum password length, as the contracts' `passwordSchema` enforces it. */
export const PASSWORD_MIN_LENGTH = 10;

/** Field name → message for the fields that are wrong; empty when the form can be sent. */
export type FieldMessages = Record<string, string>;

/** A loose check that catches typos; the server has the final word. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a required text: present and at most `max` characters after trimming. */
export function checkName(value: string, t: TFunction, max = 120): string | null {
  const trimmed = value.trim();
  if (!trimmed) return t('fieldErrors.empty');
  if (trimmed.length > max) return t('fieldErrors.tooLong', { max });
  return null;
}

export function checkEmail(value: string, t: TFunction): string | null {
  const trimmed = value.trim();
  if (!trimmed) return t('fieldErrors.empty');
  return EMAIL_PATTERN.test(trimmed) ? null : t('fieldErrors.email');
}

/** New passwords follow the contract's length rule; sign-in only needs something typed. */
export function checkNewPassword(value: string, t: TFunction): string | null {
  if (!value) return t('fieldErrors.empty');
  if (value.length < PASSWORD_MIN_LENGTH) return t('fieldErrors.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (value.length > 200) return t('fieldErrors.tooLong', { max: 200 });
  return null;
}

/** Keeps only the failing checks: `{email: 'Enter a valid…'}`. */
export function collectErrors(checks: Record<string, string | null>): FieldMessages {
  const messages: FieldMessages = {};
  for (const [field, message] of Object.entries(checks)) if (message) messages[field] = message;
  return messages;
}

/** Moves keyboard focus to the first invalid input of a form, so errors are not missed. */
export function focusFirstInvalid(form: HTMLFormElement | null, messages: FieldMessages): void {
  const first = Object.keys(messages)[0];
  if (!form || !first) return;
  const input = form.elements.namedItem(first);
  if (input instanceof HTMLElement) input.focus();
}
