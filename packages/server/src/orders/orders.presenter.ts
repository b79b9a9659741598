import type { ImportProblem, Order, OrderImport, OrderStatus } from '@charla/contracts';
import { presentProblem } from './import-problems.ts';
import type { OrderImportRow, OrderRow } from './orders.repo.ts';

/** An item as stored: prices in minor units. */
export interface StoredItem {
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
}

export function presentOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    number: row.external_id ?? row.id.slice(-8).toUpperCase(),
    externalId: row.external_id,
    status: row.status,
    currency: row.currency,
    items: JSON.parse(row.items) as StoredItem[],
    total: Number(row.total_minor),
    notes: row.notes,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentStatusTotals(
  rows: { status: OrderStatus; currency: string; count: number; amount: number }[],
) {
  const order: OrderStatus[] = ['pending', 'paid', 'cancelled'];
  return [...rows].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.currency.localeCompare(b.currency),
  );
}

/** An import's progress, its problems worded in the caller's language. */
export function presentImport(row: OrderImportRow, language: 'en' | 'es'): OrderImport {
  const problems = JSON.parse(row.errors) as ImportProblem[];
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    processed: row.processed,
    orders: row.orders,
    errors: problems.map((problem) => presentProblem(problem, language)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
