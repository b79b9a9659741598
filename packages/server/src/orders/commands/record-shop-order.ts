import {
  type Order,
  PHONE_PROBLEM_MESSAGES,
  parsePhoneNumber,
  type ShopOrderRequest,
} from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { inTransactionFindingRaces } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { customerForOrder } from '../order-customer.ts';
import { itemsWithTotal } from '../order-items.ts';
import { presentOrder } from '../orders.presenter.ts';
import { findOrderByExternalId, insertOrderRow, type OrderRow } from '../orders.repo.ts';

type ShopInput = Omit<ShopOrderRequest, 'currency' | 'status'> & {
  currency: string;
  status: OrderRow['status'];
};

/** Shops post orders with an API key; in the browser only admins may do the same. */
function assertMayRecordShopOrders(actor: Actor): void {
  if (actor.via !== 'api_key' && actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/**
 * An order from a shop: stored once per `externalId` (the same id again answers with the stored
 * order), for the customer with that phone or e-mail, or a new customer.
 */
export async function recordShopOrder(
  db: Db,
  actor: Actor,
  request: ShopInput,
  now: number,
): Promise<{ order: Order; created: boolean }> {
  assertMayRecordShopOrders(actor);
  const stored = await findOrderByExternalId(db.kysely, actor.workspaceId, request.externalId);
  if (stored) return { order: presentOrder(stored), created: false };
  let phone: string | null = null;
  if (request.customer.phone !== undefined) {
    const parsed = parsePhoneNumber(request.customer.phone);
    if (!parsed.ok) throw fieldError('body.customer.phone', PHONE_PROBLEM_MESSAGES[parsed.problem]);
    phone = parsed.digits;
  }
  const { items, total } = itemsWithTotal(request.items, 'body.items');
  try {
    // Two orders at once for one new buyer: the second run finds the customer the first made.
    return await inTransactionFindingRaces(db, async (trx) => {
      const customer = await customerForOrder(
        trx,
        actor.workspaceId,
        { phone, email: request.customer.email ?? null, name: request.customer.name ?? null },
        now,
      );
      const row: OrderRow = {
        id: newId(),
        workspace_id: actor.workspaceId,
        customer_id: customer.id,
        external_id: request.externalId,
        status: request.status,
        currency: request.currency,
        items: JSON.stringify(items),
        total_minor: total,
        notes: request.notes ?? null,
        source: 'api',
        created_at: now,
        updated_at: now,
      };
      await insertOrderRow(trx, row);
      return { order: presentOrder(row), created: true };
    });
  } catch (error) {
    // The same order posted twice at once: the second answers with the first.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findOrderByExternalId(db.kysely, actor.workspaceId, request.externalId);
    if (!winner) throw error;
    return { order: presentOrder(winner), created: false };
  }
}
