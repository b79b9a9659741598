import type { FunnelStageTable, FunnelTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type FunnelRow = FunnelTable;
export type StageRow = FunnelStageTable;

export async function listFunnelRows(db: Executor, workspaceId: string): Promise<FunnelRow[]> {
  return db
    .selectFrom('funnels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFunnelRow(db: Executor, workspaceId: string, id: string) {
  return db
    .selectFrom('funnels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stages of these funnels in board order. */
export async function stagesOfFunnels(db: Executor, funnelIds: readonly string[]): Promise<StageRow[]> {
  if (funnelIds.length === 0) return [];
  return db
    .selectFrom('funnel_stages')
    .selectAll()
    .where('funnel_id', 'in', funnelIds)
    .orderBy('funnel_id')
    .orderBy('position')
    .execute();
}

export async function findStageRow(db: Executor, workspaceId: string, id: string) {
  return db
    .selectFrom('funnel_stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertFunnelRow(db: Executor, row: FunnelRow): Promise<void> {
  await db.insertInto('funnels').values(row).execute();
}

export async function renameFunnelRow(db: Executor, id: string, name: string, now: number): Promise<void> {
  await db.updateTable('funnels').set({ name, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteFunnelRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('funnels').where('id', '=', id).execute();
}

export async function insertStageRow(db: Executor, row: StageRow): Promise<void> {
  await db.insertInto('funnel_stages').values(row).execute();
}

export async function updateStageRow(db: Executor, id: string, changes: { name: string; position: number }) {
  await db.updateTable('funnel_stages').set(changes).where('id', '=', id).execute();
}

export async function deleteStageRows(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('funnel_stages').where('id', 'in', ids).execute();
}

/** How many deals sit in these stages (0 when none). */
export async function countDealsInStages(db: Executor, stageIds: readonly string[]): Promise<number> {
  if (stageIds.length === 0) return 0;
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('stage_id', 'in', stageIds)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
