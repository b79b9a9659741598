import type { CreateOrderRequest, Order, OrderStatus, UpdateOrderRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { canSeeConversation } from '../../conversations/conversations.policy.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import { findCustomer } from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { itemsWithTotal } from '../order-items.ts';
import { presentOrder } from '../orders.presenter.ts';
import { findOrderRow, insertOrderRow, type OrderRow, updateOrderRow } from '../orders.repo.ts';

type CreateInput = Omit<CreateOrderRequest, 'currency' | 'status'> & {
  currency: string;
  status: OrderStatus;
};

/** A member records an order for a customer they can see. */
export async function createOrder(
  db: Db,
  actor: Actor,
  customerId: string,
  request: CreateInput,
  now: number,
): Promise<Order> {
  return inTransaction(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, customerId);
    const { items, total } = itemsWithTotal(request.items, 'body.items');
    const row: OrderRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      customer_id: customer.id,
      external_id: null,
      status: request.status,
      currency: request.currency,
      items: JSON.stringify(items),
      total_minor: total,
      notes: request.notes ?? null,
      source: 'manual',
      created_at: now,
      updated_at: now,
    };
    await insertOrderRow(trx, row);
    return presentOrder(row);
  });
}

/** A member changes an order's status, notes or items (of a customer they can see). */
export async function updateOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  request: UpdateOrderRequest,
  now: number,
): Promise<Order> {
  return inTransaction(db, async (trx) => {
    const order = await findOrderRow(trx, actor.workspaceId, orderId);
    const customer = order && (await findCustomer(trx, actor.workspaceId, order.customer_id));
    // An order of a customer hidden from the member answers like one that does not exist.
    if (!order || !customer || !canSeeConversation(actor, customer.owner_member_id)) {
      throw new AppError('ORDER_NOT_FOUND');
    }
    const changes: Partial<OrderRow> = { updated_at: now };
    if (request.status !== undefined) changes.status = request.status;
    if (request.notes !== undefined) changes.notes = request.notes;
    if (request.items !== undefined) {
      const { items, total } = itemsWithTotal(request.items, 'body.items');
      changes.items = JSON.stringify(items);
      changes.total_minor = total;
    }
    await updateOrderRow(trx, order.id, changes);
    return presentOrder({ ...order, ...changes });
  });
}
