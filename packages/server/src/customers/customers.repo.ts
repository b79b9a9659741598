import type { ConversationTable, CustomerIdentityTable, CustomerTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { buildSearchText } from './customer-search.ts';

export type CustomerRow = CustomerTable;
export type CustomerIdentityRow = CustomerIdentityTable;

/** Inserts a customer; search_text is always derived here, never by callers. */
export async function insertCustomer(
  db: Executor,
  row: Omit<CustomerRow, 'search_text'>,
): Promise<CustomerRow> {
  const full: CustomerRow = {
    ...row,
    search_text: buildSearchText({
      profileName: row.profile_name,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
    }),
  };
  await db.insertInto('customers').values(full).execute();
  return full;
}

export async function findCustomer(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertIdentity(db: Executor, row: CustomerIdentityRow): Promise<void> {
  await db.insertInto('customer_identities').values(row).execute();
}

/** The customer behind a channel identity (wa_id, PSID, IGSID), if known. */
export async function findCustomerByIdentity(
  db: Executor,
  channelId: string,
  externalId: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customer_identities')
    .innerJoin('customers', 'customers.id', 'customer_identities.customer_id')
    .selectAll('customers')
    .where('customer_identities.channel_id', '=', channelId)
    .where('customer_identities.external_id', '=', externalId)
    .executeTakeFirst();
}

export async function listIdentities(db: Executor, customerId: string): Promise<CustomerIdentityRow[]> {
  return db.selectFrom('customer_identities').selectAll().where('customer_id', '=', customerId).execute();
}

/**
 * Compare-and-set of the customer's owner: succeeds only if the owner is still `expected`.
 * Two agents claiming at once: one update matches, the other finds zero rows.
 */
export async function compareAndSetOwner(
  db: Executor,
  customerId: string,
  expected: string | null,
  next: string | null,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({ owner_member_id: next, updated_at: now })
    .where('id', '=', customerId)
    .where((eb) =>
      expected === null ? eb('owner_member_id', 'is', null) : eb('owner_member_id', '=', expected),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setCustomerFlags(
  db: Executor,
  customerId: string,
  flags: { bot_enabled?: number; blocked?: number },
  now: number,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ ...flags, updated_at: now })
    .where('id', '=', customerId)
    .execute();
}

/** Tags of several customers in one query, keyed by customer id. */
export async function tagsOfCustomers(
  db: Executor,
  customerIds: readonly string[],
): Promise<Map<string, { id: string; name: string; color: string }[]>> {
  const byCustomer = new Map<string, { id: string; name: string; color: string }[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db
    .selectFrom('customer_tags')
    .innerJoin('tags', 'tags.id', 'customer_tags.tag_id')
    .select(['customer_tags.customer_id', 'tags.id', 'tags.name', 'tags.color'])
    .where('customer_tags.customer_id', 'in', customerIds)
    .orderBy('tags.name')
    .execute();
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({ id: row.id, name: row.name, color: row.color });
    byCustomer.set(row.customer_id, list);
  }
  return byCustomer;
}

/** The conversations of these customers (one per channel each), for announcing a change. */
export async function conversationsOfCustomers(
  db: Executor,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<ConversationTable[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'in', customerIds)
    .orderBy('id')
    .execute();
}

/** The details a member edits on the customer panel, as columns. */
export type CustomerDetailColumns = Partial<
  Pick<
    CustomerRow,
    | 'profile_name'
    | 'first_name'
    | 'last_name'
    | 'email'
    | 'phone'
    | 'id_type'
    | 'id_number'
    | 'address'
    | 'city'
    | 'state_province'
  >
>;

/** Writes edited details and re-derives search_text from the result. */
export async function updateCustomerDetails(
  db: Executor,
  current: CustomerRow,
  changes: CustomerDetailColumns,
  now: number,
): Promise<void> {
  const next = { ...current, ...changes };
  await db
    .updateTable('customers')
    .set({
      ...changes,
      search_text: buildSearchText({
        profileName: next.profile_name,
        firstName: next.first_name,
        lastName: next.last_name,
        email: next.email,
        phone: next.phone,
      }),
      updated_at: now,
    })
    .where('workspace_id', '=', current.workspace_id)
    .where('id', '=', current.id)
    .execute();
}

/** The customer's WhatsApp numbers (wa_id of each WhatsApp identity). */
export async function whatsappNumbersOf(db: Executor, customerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_identities')
    .innerJoin('channels', 'channels.id', 'customer_identities.channel_id')
    .select('customer_identities.external_id')
    .where('customer_identities.customer_id', '=', customerId)
    .where('channels.type', '=', 'whatsapp')
    .execute();
  return rows.map((row) => row.external_id);
}
