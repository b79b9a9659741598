/**
 * The typed values of custom fields, shared by the server (which enforces them) and the customer
 * panel (which checks as you type). No zod here, so the browser bundle can import it at runtime.
 * Values are stored in one canonical text form per type, which is also what list filters compare.
 */
export const CUSTOM_FIELD_TYPES = ['text', 'integer', 'decimal', 'boolean', 'date', 'list'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A value as the API carries it: text, list, date → string; integer, decimal → number; yes/no → boolean. */
export type CustomFieldJsonValue = string | number | boolean;

export type ParsedFieldValue = { ok: true; stored: string } | { ok: false; expected: string };

/** The longest value a text field holds. */
export const MAX_CUSTOM_FIELD_TEXT = 1000;

/** What a field of each type accepts, in the API's field-error wording. */
export const CUSTOM_FIELD_EXPECTED: Record<CustomFieldType, string> = {
  text: `text of at most ${MAX_CUSTOM_FIELD_TEXT} characters`,
  integer: 'a whole number',
  decimal: 'a number',
  boolean: 'true or false',
  date: 'a date written YYYY-MM-DD',
  list: 'one of the field’s options',
};

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A number from a JSON number or its plain decimal text (`"12.5"`, `"-3"`), else null. */
function numberFrom(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return null;
}

/** Checks a value against a field's type (and options) and gives its canonical stored text. */
export function parseCustomFieldValue(
  type: CustomFieldType,
  options: readonly string[],
  raw: unknown,
): ParsedFieldValue {
  const fail = { ok: false, expected: CUSTOM_FIELD_EXPECTED[type] } as const;
  switch (type) {
    case 'text': {
      if (typeof raw !== 'string') return fail;
      const text = raw.trim();
      return text.length > 0 && text.length <= MAX_CUSTOM_FIELD_TEXT ? { ok: true, stored: text } : fail;
    }
    case 'integer': {
      const value = numberFrom(raw);
      return value !== null && Number.isSafeInteger(value) ? { ok: true, stored: String(value) } : fail;
    }
    case 'decimal': {
      const value = numberFrom(raw);
      return value !== null ? { ok: true, stored: String(value) } : fail;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return { ok: true, stored: 'true' };
      if (raw === false || raw === 'false') return { ok: true, stored: 'false' };
      return fail;
    case 'date':
      return typeof raw === 'string' && isRealDate(raw.trim()) ? { ok: true, stored: raw.trim() } : fail;
    case 'list': {
      if (typeof raw !== 'string') return fail;
      const option = options.find((item) => item === raw.trim());
      return option === undefined ? fail : { ok: true, stored: option };
    }
  }
}

/** The stored text back as the API shows it. */
export function customFieldJsonValue(type: CustomFieldType, stored: string): CustomFieldJsonValue {
  if (type === 'integer' || type === 'decimal') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}
