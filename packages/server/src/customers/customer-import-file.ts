import {
  emailSchema,
  type ImportProblem,
  type ImportProblemCode,
  type ImportProblemParams,
  MAX_CUSTOM_FIELD_TEXT,
  parseCustomFieldValue,
  parsePhoneNumber,
  tagNameSchema,
} from '@charla/contracts';
import { optionsOf } from '../custom-fields/custom-fields.presenter.ts';
import type { CustomFieldRow } from '../custom-fields/custom-fields.repo.ts';
import { parseCsv } from '../orders/csv.ts';
import { phoneProblem } from '../orders/import-problems.ts';
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

/** The column limit of a first or last name. */
const MAX_NAME = 100;

/**
 * Reads and checks every line of a customers CSV (columns by header name; custom fields by the
 * field's name). Any problem is named with its line (the header is line 1) and column, and then
 * no customer is returned: a file imports whole or not at all.
 */
export function readCustomersCsv(
  text: string,
  fields: readonly CustomFieldRow[],
): { customers: ImportedCustomer[] } | { errors: ImportProblem[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { errors: [problem(parsed.line, null, 'quote_not_closed')] };
  const [header, ...lines] = parsed.records;
  if (!header) return { errors: [problem(1, null, 'file_empty')] };
  const names = header.cells.map((cell) => cell.trim());
  const fieldByColumn = new Map<number, CustomFieldRow>();
  const errors: ImportProblem[] = [];
  names.forEach((name, index) => {
    const lower = name.toLowerCase();
    if (DETAIL_COLUMNS.some((column) => column === lower) || IGNORED_COLUMNS.has(lower)) return;
    const field = fields.find((candidate) => candidate.name.toLowerCase() === lower);
    if (field) fieldByColumn.set(index, field);
    else errors.push(problem(1, name || `#${index + 1}`, 'unknown_column'));
  });
  if (!names.some((name) => ['phone', 'email'].includes(name.toLowerCase()))) {
    errors.push(problem(1, 'phone', 'contact_column_missing'));
  }
  if (errors.length > 0) return { errors };
  if (lines.length === 0) return { errors: [problem(2, null, 'no_customers')] };
  if (lines.length > MAX_CUSTOMER_IMPORT_LINES) {
    return { errors: [problem(1, null, 'too_many_lines', { max: MAX_CUSTOMER_IMPORT_LINES })] };
  }

  const customers: ImportedCustomer[] = [];
  for (const record of lines) {
    const cell = (column: string) => {
      const index = names.findIndex((name) => name.toLowerCase() === column);
      return index < 0 ? '' : (record.cells[index] ?? '').trim();
    };
    const before = errors.length;
    const fail = (column: string, code: ImportProblemCode, params: ImportProblemParams = {}) =>
      errors.push(problem(record.line, column, code, params));

    let phone: string | null = null;
    if (cell('phone')) {
      const read = parsePhoneNumber(cell('phone'));
      if (read.ok) phone = read.digits;
      else {
        const { code, params } = phoneProblem(read.problem);
        fail('phone', code, params);
      }
    }
    let email: string | null = null;
    if (cell('email')) {
      const read = emailSchema.safeParse(cell('email'));
      if (read.success) email = read.data.toLowerCase();
      else fail('email', 'email_invalid');
    }
    if (!cell('phone') && !cell('email')) fail('phone', 'customer_contact_missing');
    for (const column of ['first_name', 'last_name']) {
      if (cell(column).length > MAX_NAME) fail(column, 'too_long', { max: MAX_NAME });
    }
    const tagNames: string[] = [];
    for (const name of cell('tags')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      if (tagNameSchema.safeParse(name).success) tagNames.push(name);
      else fail('tags', 'tag_too_long', { tag: name, max: tagNameSchema.maxLength ?? 0 });
    }
    const fieldValues = new Map<string, string>();
    for (const [index, field] of fieldByColumn) {
      const raw = (record.cells[index] ?? '').trim();
      if (!raw) continue;
      const read = parseCustomFieldValue(field.type, optionsOf(field), raw);
      if (read.ok) fieldValues.set(field.id, read.stored);
      else fail(names[index] ?? field.name, `field_${field.type}`, fieldProblemParams(field));
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

function problem(
  line: number,
  column: string | null,
  code: ImportProblemCode,
  params: ImportProblemParams = {},
): ImportProblem {
  return { line, column, code, params };
}

/** What the problem of a bad custom field value tells: the longest text, or the list's options. */
function fieldProblemParams(field: CustomFieldRow): ImportProblemParams {
  if (field.type === 'text') return { max: MAX_CUSTOM_FIELD_TEXT };
  if (field.type === 'list') return { options: optionsOf(field).join(', ') };
  return {};
}
