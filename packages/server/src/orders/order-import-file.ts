import {
  currencyCodeSchema,
  emailSchema,
  type ImportProblem,
  type ImportProblemCode,
  type ImportProblemParams,
  ORDER_STATUSES,
  type OrderStatus,
  parsePhoneNumber,
} from '@charla/contracts';
import { type CsvRecord, parseCsv } from './csv.ts';
import { phoneProblem } from './import-problems.ts';
import type { OrderBuyer } from './order-customer.ts';
import { parseMajorAmount } from './order-items.ts';
import type { StoredItem } from './orders.presenter.ts';

/** Columns of an orders CSV; one line per item, lines with the same external_id make one order. */
export const ORDER_CSV_COLUMNS = [
  'external_id',
  'customer_phone',
  'customer_email',
  'customer_name',
  'currency',
  'status',
  'item_name',
  'item_sku',
  'quantity',
  'unit_price',
  'notes',
] as const;
type Column = (typeof ORDER_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['external_id', 'currency', 'item_name', 'quantity', 'unit_price'];
export const MAX_IMPORT_LINES = 50_000;

/** A file accepted for import: its column names (lower case) and its lines below the header. */
export interface OrdersFile {
  columns: string[];
  lines: CsvRecord[];
}

/** An order read from the file, ready to store. */
export interface ImportedOrder {
  externalId: string;
  line: number;
  buyer: OrderBuyer;
  currency: string;
  status: OrderStatus;
  notes: string | null;
  items: StoredItem[];
  total: number;
}

type Cells = (column: Column) => string;
type Fail = (column: Column | null, code: ImportProblemCode, params?: ImportProblemParams) => void;

const MAX_EXTERNAL_ID = 100;
const MAX_QUANTITY = 1_000_000;

/**
 * Opens an orders CSV: problems of the file as a whole (quotes, header, no lines, too many
 * lines) are named here at once; its lines are checked later, one by one, by `OrderLines`.
 */
export function openOrdersFile(text: string): { file: OrdersFile } | { errors: ImportProblem[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { errors: [fileProblem(parsed.line, 'quote_not_closed')] };
  const [header, ...lines] = parsed.records;
  if (!header) return { errors: [fileProblem(1, 'file_empty')] };
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return { errors: missing.map((column) => ({ line: 1, column, code: 'required_column', params: {} })) };
  }
  if (lines.length === 0) return { errors: [fileProblem(2, 'no_orders')] };
  if (lines.length > MAX_IMPORT_LINES) {
    return { errors: [fileProblem(1, 'too_many_lines', { max: MAX_IMPORT_LINES })] };
  }
  return { file: { columns, lines } };
}

function fileProblem(line: number, code: ImportProblemCode, params: ImportProblemParams = {}): ImportProblem {
  return { line, column: null, code, params };
}

/**
 * Checks the lines of an orders file one at a time, grouping lines with one external id into
 * one order. Any problem is named with its line (the header is line 1) and column; a file with
 * problems imports nothing.
 */
export class OrderLines {
  readonly problems: ImportProblem[] = [];
  private readonly byExternalId = new Map<string, ImportedOrder>();

  constructor(private readonly columns: readonly string[]) {}

  /** Checks one line; answers the order it starts, or null (a bad line, or one more item of an order). */
  check(record: CsvRecord): ImportedOrder | null {
    const cells: Cells = (column) => {
      const index = this.columns.indexOf(column);
      return index < 0 ? '' : (record.cells[index] ?? '').trim();
    };
    const fail: Fail = (column, code, params = {}) =>
      this.problems.push({ line: record.line, column, code, params });
    const line = readLine(cells, fail);
    if (!line) return null;
    const order = this.byExternalId.get(line.externalId);
    if (!order) {
      const { item, ...rest } = line;
      const started = { ...rest, line: record.line, items: [item], total: item.quantity * item.unitPrice };
      this.byExternalId.set(line.externalId, started);
      return started;
    }
    if (order.currency !== line.currency) fail('currency', 'differs_from_line', { line: order.line });
    else if (order.status !== line.status) fail('status', 'differs_from_line', { line: order.line });
    else {
      order.items.push(line.item);
      order.total += line.item.quantity * line.item.unitPrice;
      if (!Number.isSafeInteger(order.total)) fail('unit_price', 'order_total_too_large');
    }
    return null;
  }

  /** Every order of the lines checked so far. */
  orders(): ImportedOrder[] {
    return [...this.byExternalId.values()];
  }
}

function readLine(cells: Cells, fail: Fail) {
  let ok = true;
  const problem: Fail = (column, code, params) => {
    ok = false;
    fail(column, code, params);
  };

  const externalId = cells('external_id');
  if (!externalId) problem('external_id', 'value_empty');
  else if (externalId.length > MAX_EXTERNAL_ID) problem('external_id', 'too_long', { max: MAX_EXTERNAL_ID });

  let phone: string | null = null;
  if (cells('customer_phone')) {
    const parsed = parsePhoneNumber(cells('customer_phone'));
    if (parsed.ok) phone = parsed.digits;
    else {
      const { code, params } = phoneProblem(parsed.problem);
      problem('customer_phone', code, params);
    }
  }
  let email: string | null = null;
  if (cells('customer_email')) {
    const parsed = emailSchema.safeParse(cells('customer_email'));
    if (parsed.success) email = parsed.data;
    else problem('customer_email', 'email_invalid');
  }
  if (!cells('customer_phone') && !cells('customer_email')) {
    problem('customer_phone', 'order_contact_missing');
  }

  const currency = currencyCodeSchema.safeParse(cells('currency'));
  if (!currency.success) problem('currency', 'currency_invalid');

  const statusText = cells('status').toLowerCase() || 'pending';
  const status = ORDER_STATUSES.find((value) => value === statusText);
  if (!status) problem('status', 'status_invalid', { options: ORDER_STATUSES.join(', ') });

  const name = cells('item_name');
  if (!name) problem('item_name', 'value_empty');
  const quantityText = cells('quantity');
  const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : Number.NaN;
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    problem('quantity', 'quantity_invalid', { min: 1, max: MAX_QUANTITY });
  }
  const unitPrice = currency.success ? parseMajorAmount(cells('unit_price'), currency.data) : null;
  if (currency.success && unitPrice === null) {
    problem('unit_price', 'unit_price_invalid', { currency: currency.data });
  }

  if (!ok || !currency.success || !status || unitPrice === null) return null;
  return {
    externalId,
    buyer: { phone, email, name: cells('customer_name') || null },
    currency: currency.data,
    status,
    notes: cells('notes') || null,
    item: { name, sku: cells('item_sku') || null, quantity, unitPrice },
  };
}
