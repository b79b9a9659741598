import { findCustomerByPhone } from '../customers/customer-profile.queries.ts';
import { type CustomerRow, insertCustomer } from '../customers/customers.repo.ts';
import type { Executor } from '../db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { findCustomerByEmail } from './orders.repo.ts';

/** Who an order from outside (a shop, a file) is for, already validated. */
export interface OrderBuyer {
  /** E.164 digits without `+`. */
  phone: string | null;
  email: string | null;
  name: string | null;
}

/**
 * The customer an outside order belongs to: the one with this phone number, else with this
 * e-mail, else a new customer made from the order's details.
 */
export async function customerForOrder(
  trx: Executor,
  workspaceId: string,
  buyer: OrderBuyer,
  now: number,
): Promise<CustomerRow> {
  const byPhone = buyer.phone ? await findCustomerByPhone(trx, workspaceId, buyer.phone) : undefined;
  if (byPhone) return byPhone;
  const byEmail = buyer.email ? await findCustomerByEmail(trx, workspaceId, buyer.email) : undefined;
  if (byEmail) return byEmail;
  return insertCustomer(trx, {
    id: newId(),
    workspace_id: workspaceId,
    profile_name: buyer.name,
    first_name: null,
    last_name: null,
    phone: buyer.phone,
    email: buyer.email?.toLowerCase() ?? null,
    owner_member_id: null,
    bot_enabled: 1,
    blocked: 0,
    created_at: now,
    updated_at: now,
  });
}
