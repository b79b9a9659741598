import type { OrderImportTable, OrderTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type OrderRow = OrderTable;
export type OrderImportRow = OrderImportTable;

export async function insertOrderRow(db: Executor, row: OrderRow): Promise<void> {
  await db.insertInto('orders').values(row).execute();
}

/** Many orders at once, a few hundred rows per statement (an import stores thousands). */
export async function insertOrderRows(db: Executor, rows: readonly OrderRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('orders')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

export async function findOrderRow(db: Executor, workspaceId: string, id: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findOrderByExternalId(db: Executor, workspaceId: string, externalId: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Which of these external ids the workspace already has. */
export async function existingExternalIds(
  db: Executor,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < externalIds.length; start += 500) {
    const rows = await db
      .selectFrom('orders')
      .select('external_id')
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', externalIds.slice(start, start + 500))
      .execute();
    for (const row of rows) if (row.external_id) found.add(row.external_id);
  }
  return found;
}

export async function updateOrderRow(db: Executor, id: string, changes: Partial<OrderRow>): Promise<void> {
  await db.updateTable('orders').set(changes).where('id', '=', id).execute();
}

/** A customer's orders, newest first. */
export async function ordersOfCustomer(db: Executor, workspaceId: string, customerId: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Per status and currency: how many of the customer's orders and their sum. */
export async function orderTotalsOfCustomer(db: Executor, workspaceId: string, customerId: string) {
  const rows = await db
    .selectFrom('orders')
    .select((eb) => [
      'status',
      'currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('total_minor').as('total'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .groupBy(['status', 'currency'])
    .execute();
  // PostgreSQL answers count and sum of bigints as strings.
  return rows.map((row) => ({
    status: row.status,
    currency: row.currency,
    count: Number(row.count),
    amount: Number(row.total),
  }));
}

/** The oldest customer of the workspace with this e-mail (compared in lower case). */
export async function findCustomerByEmail(db: Executor, workspaceId: string, email: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email.toLowerCase())
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * For each of these phones (E.164 digits) or lower-case e-mails, the id of the oldest customer
 * of the workspace with it: what `customerForOrder` would find, for many buyers at once.
 */
export async function oldestCustomerIdsBy(
  db: Executor,
  workspaceId: string,
  column: 'phone' | 'email',
  values: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(values)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'phone', 'email'])
      .where('workspace_id', '=', workspaceId)
      .where(column, 'in', unique.slice(start, start + 500))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const value = row[column];
      if (value !== null && !found.has(value)) found.set(value, row.id);
    }
  }
  return found;
}

export async function insertImportRow(db: Executor, row: OrderImportRow): Promise<void> {
  await db.insertInto('order_imports').values(row).execute();
}

export async function findImportRow(db: Executor, workspaceId: string, id: string) {
  return db
    .selectFrom('order_imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateImportRow(db: Executor, id: string, changes: Partial<OrderImportRow>) {
  await db.updateTable('order_imports').set(changes).where('id', '=', id).execute();
}
