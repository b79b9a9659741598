import type { CustomerDetailsChange } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction, refusingDuplicates } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { loadVisibleCustomer } from '../customer-access.ts';
import { recordCustomerDetailsEdited } from '../customer-changes.events.ts';
import { findCustomerByPhone } from '../customer-profile.queries.ts';
import { type CustomerDetailColumns, updateCustomerDetails, whatsappNumbersOf } from '../customers.repo.ts';

/** Request field → column. */
const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  idType: 'id_type',
  idNumber: 'id_number',
  address: 'address',
  city: 'city',
  stateProvince: 'state_province',
} as const satisfies Record<keyof CustomerDetailsChange, keyof CustomerDetailColumns>;

type RequestField = keyof typeof COLUMNS;

const phoneTaken = () =>
  new AppError('CUSTOMER_PHONE_TAKEN', {
    fields: [{ field: 'body.phone', message: 'belongs to another customer of this workspace' }],
  });

/**
 * Edits a customer's details from the panel. Only fields that really change are written; each
 * edit leaves an activity line in the customer's threads. The phone must stay unique in the
 * workspace and cannot change while it is the customer's WhatsApp number (it is how WhatsApp
 * reaches them).
 */
export async function updateCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  input: CustomerDetailsChange,
  now: number,
): Promise<void> {
  // The phone's unique index refuses a number another request gave someone since the look-up.
  await refusingDuplicates(phoneTaken, () =>
    inTransaction(db, async (trx) => {
      const customer = await loadVisibleCustomer(trx, actor, customerId);
      const changes: CustomerDetailColumns = {};
      const changed: RequestField[] = [];
      for (const field of Object.keys(COLUMNS) as RequestField[]) {
        const value = input[field];
        const column = COLUMNS[field];
        if (value === undefined || value === (customer[column] ?? null)) continue;
        changes[column] = value;
        changed.push(field);
      }
      if (changed.length === 0) return;
      if (changes.phone !== undefined) {
        const whatsappNumbers = await whatsappNumbersOf(trx, customer.id);
        if (customer.phone !== null && whatsappNumbers.includes(customer.phone)) {
          throw new AppError('CUSTOMER_PHONE_READ_ONLY', {
            fields: [
              { field: 'body.phone', message: 'is the customer’s WhatsApp number and cannot be changed' },
            ],
          });
        }
        const holder = changes.phone
          ? await findCustomerByPhone(trx, actor.workspaceId, changes.phone)
          : undefined;
        if (holder && holder.id !== customer.id) throw phoneTaken();
      }
      await updateCustomerDetails(trx, customer, changes, now);
      await recordCustomerDetailsEdited(
        { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
        customer.id,
        actor.memberId,
        changed,
      );
    }),
  );
}
