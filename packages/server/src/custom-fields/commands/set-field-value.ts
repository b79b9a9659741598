import { parseCustomFieldValue } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { fieldError } from '../../platform/errors.ts';
import { optionsOf } from '../custom-fields.presenter.ts';
import { deleteValue, upsertValue } from '../custom-fields.repo.ts';
import { loadCustomField } from './manage-custom-fields.ts';

/**
 * Sets (or with null clears) a customer's value of a custom field, checked against the field's
 * type: a wrong value is refused naming the field and what it expects, and nothing is written.
 */
export async function setCustomerFieldValue(
  db: Db,
  actor: Actor,
  ids: { customerId: string; fieldId: string },
  value: string | number | boolean | null,
  now: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, ids.customerId);
    const field = await loadCustomField(trx, actor, ids.fieldId);
    if (value === null) {
      await deleteValue(trx, actor.workspaceId, customer.id, field.id);
      return;
    }
    const options = optionsOf(field);
    const parsed = parseCustomFieldValue(field.type, options, value);
    if (!parsed.ok) {
      const choices = field.type === 'list' ? ` (${options.join(', ')})` : '';
      throw fieldError(
        'body.value',
        `“${field.name}” is a ${field.type} field: must be ${parsed.expected}${choices}`,
      );
    }
    await upsertValue(trx, {
      workspace_id: actor.workspaceId,
      customer_id: customer.id,
      field_id: field.id,
      value: parsed.stored,
      updated_at: now,
    });
  });
}
