import type { Actor } from '../auth/actor.ts';
import { listCustomFields } from '../custom-fields/custom-fields.repo.ts';
import type { Db } from '../db/client.ts';
import { fieldValuesOfCustomers, listAllCustomers, membersById } from './customer-list.queries.ts';
import { displayNameOf } from './customer-search.ts';
import { tagsOfCustomers } from './customers.repo.ts';
import { csvText, UTF8_BOM } from './customers-csv.ts';
import { customerFiltersOf, type ParsedCustomerListQuery } from './list-customers.ts';

/** Columns of the export before the custom fields (the import reads the same names back). */
export const EXPORT_COLUMNS = ['name', 'first_name', 'last_name', 'phone', 'email', 'owner_email', 'tags'];
const CHUNK = 500;

/**
 * The customers the actor sees under the list's filters as a CSV file: one column per custom
 * field (by its name) and the creation date last; UTF-8 with a byte-order mark.
 */
export async function exportCustomersCsv(
  db: Db,
  actor: Actor,
  query: ParsedCustomerListQuery,
): Promise<string> {
  const filters = await customerFiltersOf(db, actor, query);
  const rows = await listAllCustomers(db, actor, filters);
  const ids = rows.map((row) => row.id);
  const [fields, members, values] = await Promise.all([
    listCustomFields(db.kysely, actor.workspaceId),
    membersById(db.kysely, actor.workspaceId),
    fieldValuesOfCustomers(db.kysely, actor.workspaceId, ids),
  ]);
  const tags = new Map<string, { name: string }[]>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    for (const [id, list] of await tagsOfCustomers(db.kysely, ids.slice(start, start + CHUNK)))
      tags.set(id, list);
  }
  const header = [...EXPORT_COLUMNS, ...fields.map((field) => field.name), 'created'];
  const lines = rows.map((row) => [
    displayNameOf(row),
    row.first_name ?? '',
    row.last_name ?? '',
    row.phone ? `+${row.phone}` : '',
    row.email ?? '',
    row.owner_member_id ? (members.get(row.owner_member_id)?.email ?? '') : '',
    (tags.get(row.id) ?? []).map((tag) => tag.name).join(', '),
    ...fields.map((field) => values.get(row.id)?.get(field.id) ?? ''),
    new Date(row.created_at).toISOString(),
  ]);
  return UTF8_BOM + csvText([header, ...lines]);
}
