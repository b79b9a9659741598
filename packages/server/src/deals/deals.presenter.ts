import type { Deal, DealStageSummary, Funnel } from '@charla/contracts';
import { displayNameOf } from '../customers/customer-search.ts';
import type { DealView } from './deals.repo.ts';
import type { FunnelRow, StageRow } from './funnels.repo.ts';

export function presentFunnel(row: FunnelRow, stages: StageRow[]): Funnel {
  return {
    id: row.id,
    name: row.name,
    stages: stages
      .filter((stage) => stage.funnel_id === row.id)
      .map((stage) => ({ id: stage.id, name: stage.name, position: stage.position })),
    createdAt: row.created_at,
  };
}

export function presentDeal(row: DealView): Deal {
  return {
    id: row.id,
    title: row.title,
    amount: Number(row.amount_minor),
    currency: row.currency,
    funnelId: row.funnel_id,
    stageId: row.stage_id,
    customer: { id: row.customer_id, displayName: displayNameOf(row) },
    owner: row.owner_member_id ? { id: row.owner_member_id, name: row.owner_name ?? '' } : null,
    expectedCloseDate: row.expected_close_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The board's columns: every stage of the listed funnels (empty ones too, in board order) with
 * the count and per-currency totals of the deals the filters left.
 */
export function presentStageSummaries(
  stages: StageRow[],
  totals: { stageId: string; currency: string; count: number; total: number }[],
): DealStageSummary[] {
  return stages.map((stage) => {
    const own = totals.filter((row) => row.stageId === stage.id);
    return {
      stageId: stage.id,
      count: own.reduce((sum, row) => sum + row.count, 0),
      totals: own
        .map((row) => ({ currency: row.currency, amount: row.total }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  });
}
