import type { DealListQuery, DealListResponse } from '@charla/contracts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/transaction.ts';
import { seesAllDeals } from './deals.policy.ts';
import { presentDeal, presentStageSummaries } from './deals.presenter.ts';
import { type DealFilters, dealTotalsByStage, listDealViews } from './deals.repo.ts';
import { findStageRow, listFunnelRows, stagesOfFunnels } from './funnels.repo.ts';

type Query = Omit<DealListQuery, 'minAmount' | 'maxAmount'> & { minAmount?: number; maxAmount?: number };

/**
 * The deals a member may see under the filters, with each stage's count and totals: agents get
 * their own deals only, whatever `owner` says; admins and supervisors everyone's.
 */
export async function listDeals(db: Executor, actor: Actor, query: Query): Promise<DealListResponse> {
  const requestedOwner = query.owner === 'me' ? actor.memberId : query.owner;
  const filters: DealFilters = {
    funnelId: query.funnel,
    stageId: query.stage,
    customerId: query.customer,
    ownerId: seesAllDeals(actor) ? requestedOwner : actor.memberId,
    minAmount: query.minAmount,
    maxAmount: query.maxAmount,
  };
  // An agent asking for someone else's deals sees none rather than their own under that name.
  const impossible =
    !seesAllDeals(actor) && requestedOwner !== undefined && requestedOwner !== actor.memberId;
  const [items, totals] = impossible
    ? [[], []]
    : await Promise.all([
        listDealViews(db, actor.workspaceId, filters),
        dealTotalsByStage(db, actor.workspaceId, filters),
      ]);
  return {
    items: items.map(presentDeal),
    stages: presentStageSummaries(await boardStages(db, actor, query), totals),
  };
}

/** The stages the board shows: the asked stage, the asked funnel's, or every funnel's. */
async function boardStages(db: Executor, actor: Actor, query: Query) {
  if (query.stage) {
    const stage = await findStageRow(db, actor.workspaceId, query.stage);
    return stage ? [stage] : [];
  }
  const funnelIds = query.funnel
    ? [query.funnel]
    : (await listFunnelRows(db, actor.workspaceId)).map((funnel) => funnel.id);
  const stages = await stagesOfFunnels(db, funnelIds);
  return stages.filter((stage) => stage.workspace_id === actor.workspaceId);
}
