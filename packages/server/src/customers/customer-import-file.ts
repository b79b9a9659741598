import {
  emailSchema,
  type ImportLineError,
  PHONE_PROBLEM_MESSAGES,
  parseCustomFieldValue,
  parsePhoneNumber,
  tagNameSchema,
} from '@charla/contracts';
import { optionsOf } from '../custom-fields/custom-fields.presenter.ts';
import type { CustomFieldRow } from '../custom-fields/custom-fields.repo.ts';
import { parseCsv } from '../orders/csv.ts';
import { EXPORT_COLUMNS } from './export-customers.ts';

const DETAIL_COLUMNS = ['first_name', 'last_name', 'phone', 'email', 'tags'] as const;
/** Columns of an export the import reads past (they are not the customer's own details). */
const IGNORED_COLUMNS = new Set(
  [...EXPORT_COLUMNS, 'created'].filter((column) => !DETAIL_COLUMNS.some((own) => own === column)),
);
export const MAX_CUSTOMER_IMPORT_LINES = 20_000;

/** A customer line read from the file, every value already checked. */
export interface ImportedCustomer {
  line: number;
  /** E.164 digits without `+`. */
  phone: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  tagNames: string[];
  /** Field id → canonical value; columns left empty are not listed (their value stays). */
  fieldValues: Map<string, string>;
}

/**
 * Reads and checks every line of a customers CSV (columns by header name; custom fields by the
 * field's name). Any problem is named with its line (the header is line 1) and column, and then
 * no customer is returned: a file imports whole or not at all.
 */
export function readCustomersCsv(
  text: string,
  fields: readonly CustomFieldRow[],
): { customers: ImportedCustomer[] } | { errors: ImportLineError[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { errors: [{ line: parsed.line, column: null, message: parsed.error }] };
  const [header, ...lines] = parsed.records;
  if (!header) return { errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const names = header.cells.map((cell) => cell.trim());
  const fieldByColumn = new Map<number, CustomFieldRow>();
  const errors: ImportLineError[] = [];
  names.forEach((name, index) => {
    const lower = name.toLowerCase();
    if (DETAIL_COLUMNS.some((column) => column === lower) || IGNORED_COLUMNS.has(lower)) return;
    const field = fields.find((candidate) => candidate.name.toLowerCase() === lower);
    if (field) fieldByColumn.set(index, field);
    else
      errors.push({
        line: 1,
        column: name || `#${index + 1}`,
        message: 'is neither a customer detail nor a custom field',
      });
  });
  if (!names.some((name) => ['phone', 'email'].includes(name.toLowerCase()))) {
    errors.push({ line: 1, column: 'phone', message: 'or email must be a column' });
  }
  if (errors.length > 0) return { errors };
  if (lines.length === 0)
    return { errors: [{ line: 2, column: null, message: 'the file has no customers' }] };
  if (lines.length > MAX_CUSTOMER_IMPORT_LINES) {
    return {
      errors: [{ line: 1, column: null, message: `has more than ${MAX_CUSTOMER_IMPORT_LINES} lines` }],
    };
  }

  const customers: ImportedCustomer[] = [];
  for (const record of lines) {
    const cell = (column: string) => {
      const index = names.findIndex((name) => name.toLowerCase() === column);
      return index < 0 ? '' : (record.cells[index] ?? '').trim();
    };
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ line: record.line, column, message });

    let phone: string | null = null;
    if (cell('phone')) {
      const read = parsePhoneNumber(cell('phone'));
      if (read.ok) phone = read.digits;
      else fail('phone', PHONE_PROBLEM_MESSAGES[read.problem]);
    }
    let email: string | null = null;
    if (cell('email')) {
      const read = emailSchema.safeParse(cell('email'));
      if (read.success) email = read.data.toLowerCase();
      else fail('email', 'is not a valid e-mail address');
    }
    if (!cell('phone') && !cell('email')) fail('phone', 'or email must be given to know who the customer is');
    for (const column of ['first_name', 'last_name']) {
      if (cell(column).length > 100) fail(column, 'must be at most 100 characters');
    }
    const tagNames: string[] = [];
    for (const name of cell('tags')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const read = tagNameSchema.safeParse(name);
      if (read.success) tagNames.push(read.data);
      else fail('tags', `"${name}" ${read.error.issues[0]?.message ?? 'is not a tag name'}`);
    }
    const fieldValues = new Map<string, string>();
    for (const [index, field] of fieldByColumn) {
      const raw = (record.cells[index] ?? '').trim();
      if (!raw) continue;
      const read = parseCustomFieldValue(field.type, optionsOf(field), raw);
      if (read.ok) fieldValues.set(field.id, read.stored);
      else fail(names[index] ?? field.name, `must be ${read.expected}`);
    }
    if (errors.length > before) continue;
    customers.push({
      line: record.line,
      phone,
      email,
      firstName: cell('first_name') || null,
      lastName: cell('last_name') || null,
      tagNames,
      fieldValues,
    });
  }
  return errors.length > 0 ? { errors } : { customers };
}
