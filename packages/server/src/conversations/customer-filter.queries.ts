import { type Expression, sql } from 'kysely';
import { searchNeedle } from '../customers/customer-search.ts';
import type { Db } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';

/**
 * Up to this many customers, a filter starts from their conversations (customer index, then a
 * sort of a few hundred rows); beyond it, the list is walked in order and rows are checked
 * against the set, which finds a page quickly precisely because the set is large.
 */
export const FEW_CUSTOMERS = 500;

/** The customers a tag or search filter narrows the list to. */
export type CustomerSet =
  | { kind: 'few'; customerIds: string[] }
  | { kind: 'many'; query: Expression<unknown> };

/** `firstRows` reads at most FEW_CUSTOMERS + 1 rows of `query`. */
async function resolve(
  query: Expression<unknown>,
  firstRows: Promise<{ id: string }[]>,
): Promise<CustomerSet> {
  const rows = await firstRows;
  return rows.length > FEW_CUSTOMERS
    ? { kind: 'many', query }
    : { kind: 'few', customerIds: rows.map((row) => row.id) };
}

/** The customer sets of the tag and search filters (none, one or both). */
export async function customerSetsOf(
  db: Db,
  workspaceId: string,
  filters: { tagIds?: string[]; q?: string },
): Promise<CustomerSet[]> {
  const sets: CustomerSet[] = [];
  if (filters.tagIds && filters.tagIds.length > 0) {
    const tagged = db.kysely
      .selectFrom('customer_tags')
      .select('customer_tags.customer_id as id')
      .where('customer_tags.tag_id', 'in', filters.tagIds);
    sets.push(await resolve(tagged, tagged.limit(FEW_CUSTOMERS + 1).execute()));
  }
  const needle = filters.q ? searchNeedle(filters.q) : '';
  if (needle) {
    const matching = dialectFor(db.engine).customerIdsMatching(workspaceId, needle);
    const firstRows = sql<{ id: string }>`${matching} limit ${FEW_CUSTOMERS + 1}`.execute(db.kysely);
    sets.push(
      await resolve(
        matching,
        firstRows.then((result) => result.rows),
      ),
    );
  }
  return sets;
}
