import type { TagTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { nameKey } from '../platform/name-key.ts';

/** A tag as the app writes it; the repository adds its `name_key`. */
export type TagRow = Omit<TagTable, 'name_key'>;

/** Every tag of the workspace with how many customers carry it, by name. */
export async function listTagsWithUsage(db: Executor, workspaceId: string) {
  return db
    .selectFrom('tags')
    .leftJoin('customer_tags', 'customer_tags.tag_id', 'tags.id')
    .select((eb) => [
      'tags.id',
      'tags.name',
      'tags.color',
      eb.fn.count<number>('customer_tags.customer_id').as('customer_count'),
    ])
    .where('tags.workspace_id', '=', workspaceId)
    .groupBy(['tags.id', 'tags.name', 'tags.color'])
    .orderBy('tags.name')
    .execute();
}

export async function findTag(db: Executor, workspaceId: string, id: string): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The tag with this name in any letter case ("vip" finds "VIP", "ñandú" finds "ÑANDÚ"). */
export async function findTagByName(
  db: Executor,
  workspaceId: string,
  name: string,
): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'workspace_id', 'name', 'color', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

/** Inserts a tag; a name another tag has in any letter case is a unique violation. */
export async function insertTag(db: Executor, row: TagRow): Promise<void> {
  await db
    .insertInto('tags')
    .values({ ...row, name_key: nameKey(row.name) })
    .execute();
}

export async function updateTag(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: { name?: string; color?: string },
): Promise<void> {
  await db
    .updateTable('tags')
    .set(changes.name === undefined ? changes : { ...changes, name_key: nameKey(changes.name) })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a tag; its customer links go with it (cascade). */
export async function deleteTag(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('customer_tags')
    .where('workspace_id', '=', workspaceId)
    .where('tag_id', '=', id)
    .execute();
  await db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The customers carrying a tag. */
export async function customerIdsWithTag(
  db: Executor,
  workspaceId: string,
  tagId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_tags')
    .select('customer_id')
    .where('workspace_id', '=', workspaceId)
    .where('tag_id', '=', tagId)
    .execute();
  return rows.map((row) => row.customer_id);
}

/** Tags a customer; returns false when they already had the tag. */
export async function addCustomerTag(
  db: Executor,
  row: { workspace_id: string; customer_id: string; tag_id: string; created_at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('customer_tags')
    .values(row)
    .onConflict((conflict) => conflict.columns(['customer_id', 'tag_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a tag from a customer; returns false when they did not have it. */
export async function removeCustomerTag(
  db: Executor,
  workspaceId: string,
  customerId: string,
  tagId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('customer_tags')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .where('tag_id', '=', tagId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Gives every customer of `fromTagId` the tag `intoTagId` (those who had both keep one), then
 * deletes `fromTagId`.
 */
export async function mergeTagInto(
  db: Executor,
  workspaceId: string,
  fromTagId: string,
  intoTagId: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('customer_tags')
    .columns(['customer_id', 'tag_id', 'workspace_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('customer_tags')
        .select((inner) => [
          'customer_tags.customer_id',
          inner.val(intoTagId).as('tag_id'),
          inner.val(workspaceId).as('workspace_id'),
          inner.val(now).as('created_at'),
        ])
        .where('customer_tags.workspace_id', '=', workspaceId)
        .where('customer_tags.tag_id', '=', fromTagId),
    )
    .onConflict((conflict) => conflict.columns(['customer_id', 'tag_id']).doNothing())
    .execute();
  await deleteTag(db, workspaceId, fromTagId);
}
