import type { Order, OrderImport, OrderStatus } from '@charla/contracts';
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

export function presentImport(row: OrderImportRow): OrderImport {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    processed: row.processed,
    errors: JSON.parse(row.errors),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
