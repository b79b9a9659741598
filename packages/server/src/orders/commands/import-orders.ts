import type { OrderImport } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { customerForOrder } from '../order-customer.ts';
import { type ImportedOrder, readOrdersCsv } from '../order-import-file.ts';
import { presentImport } from '../orders.presenter.ts';
import {
  existingExternalIds,
  findImportRow,
  insertImportRow,
  insertOrderRow,
  type OrderImportRow,
  updateImportRow,
} from '../orders.repo.ts';

export const IMPORT_ORDERS_JOB = 'orders.import';
/** At most this many bad lines are named in the answer (all are counted). */
const ERRORS_SHOWN = 200;

/** Admins import orders from files. */
function assertMayImport(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/**
 * Checks every line of an orders CSV; if any is bad, answers with each bad line and column and
 * stores nothing. Otherwise records the import and queues it: the worker stores all its orders
 * in one transaction, and `GET /orders/imports/:id` shows its progress.
 */
export async function startOrderImport(db: Db, actor: Actor, csv: string, now: number): Promise<OrderImport> {
  assertMayImport(actor);
  const read = readOrdersCsv(csv);
  if ('errors' in read) {
    throw new AppError('ORDER_IMPORT_INVALID', {
      fields: read.errors.slice(0, ERRORS_SHOWN).map((error) => ({
        field: error.column ? `line ${error.line}: ${error.column}` : `line ${error.line}`,
        message: error.message,
      })),
      detail: `${read.errors.length} line problem(s); nothing was imported`,
    });
  }
  const row: OrderImportRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    created_by_member_id: actor.memberId,
    status: 'queued',
    total: read.orders.length,
    processed: 0,
    rows: JSON.stringify(read.orders),
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
  return presentImport(row);
}

/**
 * The worker's half: all the file's orders in one transaction (orders whose external id is
 * already stored are left as they are, so a re-sent file adds nothing twice).
 */
export async function runOrderImport(
  db: Db,
  importId: string,
  workspaceId: string,
  clock: { now(): number },
) {
  const row = await findImportRow(db.kysely, workspaceId, importId);
  if (!row || row.status === 'done') return;
  await updateImportRow(db.kysely, row.id, { status: 'importing', updated_at: clock.now() });
  const orders = JSON.parse(row.rows) as ImportedOrder[];
  await inTransaction(db, async (trx) => {
    const known = await existingExternalIds(
      trx,
      workspaceId,
      orders.map((order) => order.externalId),
    );
    const now = clock.now();
    for (const order of orders) {
      if (known.has(order.externalId)) continue;
      const customer = await customerForOrder(trx, workspaceId, order.buyer, now);
      await insertOrderRow(trx, {
        id: newId(),
        workspace_id: workspaceId,
        customer_id: customer.id,
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
    await updateImportRow(trx, row.id, {
      status: 'done',
      processed: orders.length,
      rows: '[]',
      updated_at: clock.now(),
    });
  });
}

/** Marks an import failed for good (the worker gave up), with the reason people see. */
export async function failOrderImport(db: Db, importId: string, reason: string, now: number): Promise<void> {
  await updateImportRow(db.kysely, importId, {
    status: 'failed',
    errors: JSON.stringify([{ line: 0, column: null, message: reason }]),
    updated_at: now,
  });
}
