import type { DealTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type DealRow = DealTable;

/** The list's filters after validation and visibility (`ownerId` already resolved from `me`). */
export interface DealFilters {
  funnelId?: string;
  stageId?: string;
  ownerId?: string;
  customerId?: string;
  minAmount?: number;
  maxAmount?: number;
}

function filtered(db: Executor, workspaceId: string, filters: DealFilters) {
  let query = db.selectFrom('deals').where('deals.workspace_id', '=', workspaceId);
  if (filters.funnelId) query = query.where('deals.funnel_id', '=', filters.funnelId);
  if (filters.stageId) query = query.where('deals.stage_id', '=', filters.stageId);
  if (filters.ownerId) query = query.where('deals.owner_member_id', '=', filters.ownerId);
  if (filters.customerId) query = query.where('deals.customer_id', '=', filters.customerId);
  if (filters.minAmount !== undefined) query = query.where('deals.amount_minor', '>=', filters.minAmount);
  if (filters.maxAmount !== undefined) query = query.where('deals.amount_minor', '<=', filters.maxAmount);
  return query;
}

function withNames(db: Executor, workspaceId: string, filters: DealFilters) {
  return filtered(db, workspaceId, filters)
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .leftJoin('members', 'members.id', 'deals.owner_member_id')
    .selectAll('deals')
    .select([
      'customers.profile_name',
      'customers.first_name',
      'customers.last_name',
      'customers.phone',
      'customers.email',
      'members.name as owner_name',
    ]);
}

export type DealView = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

/** Deals matching the filters, most recently changed first (the board sorts within a stage). */
export async function listDealViews(
  db: Executor,
  workspaceId: string,
  filters: DealFilters,
): Promise<DealView[]> {
  return withNames(db, workspaceId, filters)
    .orderBy('deals.updated_at', 'desc')
    .orderBy('deals.id', 'desc')
    .limit(5000)
    .execute();
}

export async function findDealView(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<DealView | undefined> {
  return withNames(db, workspaceId, {}).where('deals.id', '=', id).executeTakeFirst();
}

/** Per stage and currency: how many deals match and their sum. */
export async function dealTotalsByStage(db: Executor, workspaceId: string, filters: DealFilters) {
  const rows = await filtered(db, workspaceId, filters)
    .select((eb) => [
      'deals.stage_id',
      'deals.currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('deals.amount_minor').as('total'),
    ])
    .groupBy(['deals.stage_id', 'deals.currency'])
    .execute();
  // PostgreSQL answers count and sum of bigints as strings.
  return rows.map((row) => ({
    stageId: row.stage_id,
    currency: row.currency,
    count: Number(row.count),
    total: Number(row.total),
  }));
}

export async function insertDealRow(db: Executor, row: DealRow): Promise<void> {
  await db.insertInto('deals').values(row).execute();
}

export async function updateDealRow(db: Executor, id: string, changes: Partial<DealRow>): Promise<void> {
  await db.updateTable('deals').set(changes).where('id', '=', id).execute();
}

export async function deleteDealRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('deals').where('id', '=', id).execute();
}
