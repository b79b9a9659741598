import type { CustomFieldTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { nameKey } from '../platform/name-key.ts';

/** A field definition as the app writes it; the repository adds its `name_key`. */
export type CustomFieldRow = Omit<CustomFieldTable, 'name_key'>;

export async function listCustomFields(db: Executor, workspaceId: string): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The field with this name in any letter case. */
export async function findCustomFieldByName(
  db: Executor,
  workspaceId: string,
  name: string,
): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

/** Inserts a field; a name another field has in any letter case is a unique violation. */
export async function insertCustomField(db: Executor, row: CustomFieldRow): Promise<void> {
  await db
    .insertInto('custom_fields')
    .values({ ...row, name_key: nameKey(row.name) })
    .execute();
}

export async function updateCustomField(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: { name?: string; options?: string },
  now: number,
): Promise<void> {
  await db
    .updateTable('custom_fields')
    .set({
      ...changes,
      ...(changes.name === undefined ? {} : { name_key: nameKey(changes.name) }),
      updated_at: now,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a field definition together with every customer's value of it. */
export async function deleteCustomField(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('custom_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('field_id', '=', id)
    .execute();
  await db.deleteFrom('custom_fields').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Values of a list field that are no longer among its options are removed. */
export async function deleteValuesOutside(
  db: Executor,
  workspaceId: string,
  fieldId: string,
  options: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('custom_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('field_id', '=', fieldId)
    .where('value', 'not in', options)
    .execute();
}

/** A customer's stored values, keyed by field id. */
export async function valuesOfCustomer(db: Executor, workspaceId: string, customerId: string) {
  const rows = await db
    .selectFrom('custom_field_values')
    .select(['field_id', 'value', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .execute();
  return new Map(rows.map((row) => [row.field_id, row]));
}

export async function upsertValue(
  db: Executor,
  row: { workspace_id: string; customer_id: string; field_id: string; value: string; updated_at: number },
): Promise<void> {
  await db
    .insertInto('custom_field_values')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['customer_id', 'field_id'])
        .doUpdateSet({ value: row.value, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteValue(db: Executor, workspaceId: string, customerId: string, fieldId: string) {
  await db
    .deleteFrom('custom_field_values')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .where('field_id', '=', fieldId)
    .execute();
}
