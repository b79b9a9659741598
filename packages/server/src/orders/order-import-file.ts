import {
  currencyCodeSchema,
  emailSchema,
  type ImportLineError,
  ORDER_STATUSES,
  type OrderStatus,
  PHONE_PROBLEM_MESSAGES,
  parsePhoneNumber,
} from '@charla/contracts';
import { parseCsv } from './csv.ts';
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

/**
 * Reads and checks every line of an orders CSV. Any problem is reported with its line (the
 * header is line 1) and column, and then no order is returned: a file imports whole or not at all.
 */
export function readOrdersCsv(text: string): { orders: ImportedOrder[] } | { errors: ImportLineError[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { errors: [{ line: parsed.line, column: null, message: parsed.error }] };
  const [header, ...lines] = parsed.records;
  if (!header) return { errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return { errors: missing.map((column) => ({ line: 1, column, message: 'is a required column' })) };
  }
  if (lines.length === 0) return { errors: [{ line: 2, column: null, message: 'the file has no orders' }] };
  if (lines.length > MAX_IMPORT_LINES) {
    return { errors: [{ line: 1, column: null, message: `has more than ${MAX_IMPORT_LINES} lines` }] };
  }

  const errors: ImportLineError[] = [];
  const byExternalId = new Map<string, ImportedOrder>();
  for (const record of lines) {
    const cells: Cells = (column) => {
      const index = names.indexOf(column);
      return index < 0 ? '' : (record.cells[index] ?? '').trim();
    };
    const fail = (column: Column | null, message: string) =>
      errors.push({ line: record.line, column, message });
    const line = readLine(cells, fail);
    if (!line) continue;
    const order = byExternalId.get(line.externalId);
    if (!order) {
      const { item, ...rest } = line;
      byExternalId.set(line.externalId, {
        ...rest,
        line: record.line,
        items: [item],
        total: item.quantity * item.unitPrice,
      });
      continue;
    }
    if (order.currency !== line.currency)
      fail('currency', `differs from line ${order.line} of the same order`);
    else if (order.status !== line.status)
      fail('status', `differs from line ${order.line} of the same order`);
    else {
      order.items.push(line.item);
      order.total += line.item.quantity * line.item.unitPrice;
      if (!Number.isSafeInteger(order.total)) fail('unit_price', 'makes the order total too large to store');
    }
  }
  return errors.length > 0 ? { errors } : { orders: [...byExternalId.values()] };
}

function readLine(cells: Cells, fail: (column: Column | null, message: string) => void) {
  let ok = true;
  const problem = (column: Column, message: string) => {
    ok = false;
    fail(column, message);
  };

  const externalId = cells('external_id');
  if (!externalId) problem('external_id', 'must not be empty');
  else if (externalId.length > 100) problem('external_id', 'must be at most 100 characters');

  let phone: string | null = null;
  if (cells('customer_phone')) {
    const parsed = parsePhoneNumber(cells('customer_phone'));
    if (parsed.ok) phone = parsed.digits;
    else problem('customer_phone', PHONE_PROBLEM_MESSAGES[parsed.problem]);
  }
  let email: string | null = null;
  if (cells('customer_email')) {
    const parsed = emailSchema.safeParse(cells('customer_email'));
    if (parsed.success) email = parsed.data;
    else problem('customer_email', 'is not a valid e-mail address');
  }
  if (!cells('customer_phone') && !cells('customer_email')) {
    problem('customer_phone', 'or customer_email must be given to know whose order it is');
  }

  const currency = currencyCodeSchema.safeParse(cells('currency'));
  if (!currency.success) problem('currency', 'must be a three-letter ISO 4217 currency code');

  const statusText = cells('status').toLowerCase() || 'pending';
  const status = ORDER_STATUSES.find((value) => value === statusText);
  if (!status) problem('status', `must be one of ${ORDER_STATUSES.join(', ')}`);

  const name = cells('item_name');
  if (!name) problem('item_name', 'must not be empty');
  const quantityText = cells('quantity');
  const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : Number.NaN;
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
    problem('quantity', 'must be a whole number from 1 to 1000000');
  }
  const unitPrice = currency.success ? parseMajorAmount(cells('unit_price'), currency.data) : null;
  if (currency.success && unitPrice === null) {
    problem('unit_price', `must be a price like 12.50 with at most the decimals ${currency.data} has`);
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
