import { type CustomerImportResult, DEFAULT_TAG_COLOR } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { listCustomFields, upsertValue } from '../../custom-fields/custom-fields.repo.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransactionFindingRaces } from '../../db/transaction.ts';
import { importRefused } from '../../orders/import-problems.ts';
import { findCustomerByEmail } from '../../orders/orders.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nameKey } from '../../platform/name-key.ts';
import { addCustomerTag, insertTag } from '../../tags/tags.repo.ts';
import { announceCustomersChanged } from '../customer-changes.events.ts';
import { type ImportedCustomer, readCustomersCsv } from '../customer-import-file.ts';
import { findCustomerByPhone } from '../customer-profile.queries.ts';
import {
  type CustomerDetailColumns,
  type CustomerRow,
  insertCustomer,
  updateCustomerDetails,
} from '../customers.repo.ts';

/**
 * Imports customers from a CSV file (admins). Every line is checked first; one bad line answers
 * 400 naming each bad line and column in `language`, and nothing is written. Otherwise, in one transaction,
 * each line updates the customer with that phone (else that e-mail) or creates one; tags that
 * do not exist yet are created.
 */
export async function importCustomers(
  db: Db,
  actor: Actor,
  csv: string,
  now: number,
  language: 'en' | 'es',
): Promise<CustomerImportResult> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  const fields = await listCustomFields(db.kysely, actor.workspaceId);
  const read = readCustomersCsv(csv, fields);
  if ('errors' in read) throw importRefused('VALIDATION_FAILED', read.errors, language);
  // A customer or tag another request creates meanwhile is found on the second run.
  return inTransactionFindingRaces(db, async (trx) => {
    const tagIds = await tagIdsByName(trx, actor.workspaceId);
    const touched = new Set<string>();
    let created = 0;
    let updated = 0;
    for (const line of read.customers) {
      const existing = await matchingCustomer(trx, actor.workspaceId, line);
      const customer = existing
        ? await updateFromLine(trx, existing, line, now)
        : await insertCustomer(trx, {
            id: newId(),
            workspace_id: actor.workspaceId,
            profile_name: null,
            first_name: line.firstName,
            last_name: line.lastName,
            phone: line.phone,
            email: line.email,
            owner_member_id: null,
            bot_enabled: 1,
            blocked: 0,
            created_at: now,
            updated_at: now,
          });
      if (existing && !touched.has(existing.id)) updated += 1;
      if (!existing) created += 1;
      touched.add(customer.id);
      for (const name of line.tagNames) {
        const tagId = await tagIdFor(trx, actor.workspaceId, tagIds, name, now);
        await addCustomerTag(trx, {
          workspace_id: actor.workspaceId,
          customer_id: customer.id,
          tag_id: tagId,
          created_at: now,
        });
      }
      for (const [fieldId, value] of line.fieldValues) {
        await upsertValue(trx, {
          workspace_id: actor.workspaceId,
          customer_id: customer.id,
          field_id: fieldId,
          value,
          updated_at: now,
        });
      }
    }
    await announceCustomersChanged({ trx, engine: db.engine, workspaceId: actor.workspaceId, now }, [
      ...touched,
    ]);
    return { created, updated };
  });
}

async function matchingCustomer(trx: Executor, workspaceId: string, line: ImportedCustomer) {
  const byPhone = line.phone ? await findCustomerByPhone(trx, workspaceId, line.phone) : undefined;
  if (byPhone) return byPhone;
  return line.email ? findCustomerByEmail(trx, workspaceId, line.email) : undefined;
}

/**
 * Writes the line's details over the customer's. A phone the customer already has is kept (it
 * may be how WhatsApp reaches them); one is added only where there was none.
 */
async function updateFromLine(trx: Executor, customer: CustomerRow, line: ImportedCustomer, now: number) {
  const changes: CustomerDetailColumns = {};
  if (line.firstName) changes.first_name = line.firstName;
  if (line.lastName) changes.last_name = line.lastName;
  if (line.email) changes.email = line.email;
  if (line.phone && !customer.phone) changes.phone = line.phone;
  if (Object.keys(changes).length > 0) await updateCustomerDetails(trx, customer, changes, now);
  return customer;
}

/** The workspace's tags by name key (any letter case). */
async function tagIdsByName(trx: Executor, workspaceId: string): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('tags')
    .select(['id', 'name_key'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((row) => [row.name_key, row.id]));
}

async function tagIdFor(
  trx: Executor,
  workspaceId: string,
  known: Map<string, string>,
  name: string,
  now: number,
) {
  const found = known.get(nameKey(name));
  if (found) return found;
  const id = newId();
  await insertTag(trx, { id, workspace_id: workspaceId, name, color: DEFAULT_TAG_COLOR, created_at: now });
  known.set(nameKey(name), id);
  return id;
}
