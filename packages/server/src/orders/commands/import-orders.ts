import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportProblem, OrderImport } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { importRefused, shownProblems } from '../import-problems.ts';
import { customerForOrder } from '../order-customer.ts';
import { type ImportedOrder, OrderLines, type OrdersFile, openOrdersFile } from '../order-import-file.ts';
import { presentImport } from '../orders.presenter.ts';
import {
  existingExternalIds,
  findImportRow,
  insertImportRow,
  insertOrderRows,
  type OrderImportRow,
  type OrderRow,
  oldestCustomerIdsBy,
  updateImportRow,
} from '../orders.repo.ts';

export const IMPORT_ORDERS_JOB = 'orders.import';
/** Lines checked between two progress commits: often enough for a moving bar, rarely enough to cost little. */
const LINES_PER_PROGRESS = 500;

/** Told after each committed progress step of the checking phase (tests look at the import then). */
export type OnImportProgress = (progress: { processed: number; total: number }) => Promise<void> | void;

/** Admins import orders from files. */
function assertMayImport(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/**
 * Accepts an orders CSV: a file that is unreadable as a whole (quotes, header, no lines, too
 * many) answers 400 naming its problems in `language`. Otherwise the import is recorded and
 * queued; the worker checks its lines and stores its orders, and `GET /orders/imports/:id`
 * shows how far it is.
 */
export async function startOrderImport(
  db: Db,
  actor: Actor,
  csv: string,
  now: number,
  language: 'en' | 'es',
): Promise<OrderImport> {
  assertMayImport(actor);
  const opened = openOrdersFile(csv);
  if ('errors' in opened) throw importRefused('ORDER_IMPORT_INVALID', opened.errors, language);
  const row: OrderImportRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    created_by_member_id: actor.memberId,
    status: 'queued',
    total: opened.file.lines.length,
    processed: 0,
    orders: 0,
    rows: JSON.stringify(opened.file),
    errors: '[]',
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await insertImportRow(trx, row);
    await enqueueJob(
      trx,
      {
        type: IMPORT_ORDERS_JOB,
        workspaceId: actor.workspaceId,
        payload: { importId: row.id },
        runAt: now,
        idempotencyKey: `orders.import:${row.id}`,
        maxAttempts: 3,
      },
      now,
    );
  });
  return presentImport(row, language);
}

/** What the checking phase found: the file's problems, or its orders and whom they are for. */
interface CheckedOrders {
  problems: ImportProblem[];
  orders: ImportedOrder[];
  /** External id → the existing customer the order is for; absent: found or created while storing. */
  customerIds: Map<string, string>;
  /** External ids the workspace already has (a file sent again adds nothing twice). */
  known: Set<string>;
}

/**
 * The worker's half, in two phases. Checking reads every line and looks up the customers and
 * the orders already stored, committing the lines checked every few hundred lines so pollers
 * see the bar move; it writes nothing else. Storing then writes every order in one transaction,
 * so a file with a bad line, or one that fails while storing, leaves no order behind.
 */
export async function runOrderImport(
  db: Db,
  importId: string,
  workspaceId: string,
  clock: { now(): number },
  onProgress?: OnImportProgress,
): Promise<void> {
  const row = await findImportRow(db.kysely, workspaceId, importId);
  if (!row || row.status === 'done' || row.status === 'failed') return;
  await updateImportRow(db.kysely, row.id, {
    status: 'checking',
    processed: 0,
    orders: 0,
    updated_at: clock.now(),
  });
  const file = JSON.parse(row.rows) as OrdersFile;
  const checked = await checkOrders(db, row, file, clock, onProgress);
  if (checked.problems.length > 0) {
    await updateImportRow(db.kysely, row.id, {
      status: 'failed',
      errors: JSON.stringify(shownProblems(checked.problems)),
      rows: '[]',
      updated_at: clock.now(),
    });
    return;
  }
  await updateImportRow(db.kysely, row.id, {
    status: 'storing',
    orders: checked.orders.length,
    updated_at: clock.now(),
  });
  await nextTurn(); // a waiting poller learns the phase before SQLite is held by the storing
  await storeOrders(db, row, checked, clock);
}

async function checkOrders(
  db: Db,
  row: OrderImportRow,
  file: OrdersFile,
  clock: { now(): number },
  onProgress: OnImportProgress | undefined,
): Promise<CheckedOrders> {
  const lines = new OrderLines(file.columns);
  const customerIds = new Map<string, string>();
  const known = new Set<string>();
  for (let start = 0; start < file.lines.length; start += LINES_PER_PROGRESS) {
    const batch = file.lines.slice(start, start + LINES_PER_PROGRESS);
    const started = batch.flatMap((record) => lines.check(record) ?? []);
    // Once a line is bad nothing will be stored: the rest is only checked.
    if (lines.problems.length === 0) {
      await matchCustomers(db, row.workspace_id, started, customerIds);
      const stored = await existingExternalIds(
        db.kysely,
        row.workspace_id,
        started.map((order) => order.externalId),
      );
      for (const externalId of stored) known.add(externalId);
    }
    const processed = start + batch.length;
    await updateImportRow(db.kysely, row.id, { processed, updated_at: clock.now() });
    // SQLite answers synchronously: without a turn of the event loop the whole check would run
    // before any waiting request (a poller asking for this progress) is served.
    await nextTurn();
    await onProgress?.({ processed, total: file.lines.length });
  }
  return { problems: lines.problems, orders: lines.orders(), customerIds, known };
}

/** Finds the existing customer of each order the way `customerForOrder` does: by phone, else e-mail. */
async function matchCustomers(
  db: Db,
  workspaceId: string,
  orders: readonly ImportedOrder[],
  customerIds: Map<string, string>,
): Promise<void> {
  const phones = orders.flatMap((order) => order.buyer.phone ?? []);
  const byPhone = await oldestCustomerIdsBy(db.kysely, workspaceId, 'phone', phones);
  const emailOf = (order: ImportedOrder) => order.buyer.email?.toLowerCase() ?? null;
  const unmatched = orders.filter((order) => !(order.buyer.phone && byPhone.has(order.buyer.phone)));
  const emails = unmatched.flatMap((order) => emailOf(order) ?? []);
  const byEmail = await oldestCustomerIdsBy(db.kysely, workspaceId, 'email', emails);
  for (const order of orders) {
    const phone = order.buyer.phone;
    const email = emailOf(order);
    const id = (phone && byPhone.get(phone)) || (email && byEmail.get(email));
    if (id) customerIds.set(order.externalId, id);
  }
}

/**
 * Every order in one transaction, kept short: the customers were looked up while checking, so
 * only new buyers are found or created here (each once), and orders go in a few hundred a
 * statement. On SQLite every other request waits for this transaction.
 */
async function storeOrders(
  db: Db,
  row: OrderImportRow,
  { orders, customerIds, known }: CheckedOrders,
  clock: { now(): number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = clock.now();
    const newBuyers = new Map<string, string>();
    const rows: OrderRow[] = [];
    for (const order of orders) {
      if (known.has(order.externalId)) continue;
      const buyer = `${order.buyer.phone ?? ''} ${order.buyer.email?.toLowerCase() ?? ''}`;
      let customerId = customerIds.get(order.externalId) ?? newBuyers.get(buyer);
      if (!customerId) {
        customerId = (await customerForOrder(trx, row.workspace_id, order.buyer, now)).id;
        newBuyers.set(buyer, customerId);
      }
      rows.push({
        id: newId(),
        workspace_id: row.workspace_id,
        customer_id: customerId,
        external_id: order.externalId,
        status: order.status,
        currency: order.currency,
        items: JSON.stringify(order.items),
        total_minor: order.total,
        notes: order.notes,
        source: 'import',
        created_at: now,
        updated_at: now,
      });
    }
    await insertOrderRows(trx, rows);
    await updateImportRow(trx, row.id, { status: 'done', rows: '[]', updated_at: clock.now() });
  });
}

/**
 * After a failed attempt: the import waits for the worker's next try (`queued`), or, when the
 * worker gives up, has failed for good with a reason people can read (the cause is in the log).
 */
export async function interruptOrderImport(
  db: Db,
  importId: string,
  willRetry: boolean,
  now: number,
): Promise<void> {
  const stopped: ImportProblem = { line: 0, column: null, code: 'import_stopped', params: {} };
  await updateImportRow(
    db.kysely,
    importId,
    willRetry
      ? { status: 'queued', processed: 0, updated_at: now }
      : { status: 'failed', rows: '[]', errors: JSON.stringify([stopped]), updated_at: now },
  );
}
