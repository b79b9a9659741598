import type {
  Deal,
  DealListResponse,
  DealStageSummary,
  Funnel,
  FunnelStage,
  MoneyTotal,
} from '@charla/contracts';

/** One column of the board: a stage, its deals and what the server counted for it. */
export type BoardColumn = { stage: FunnelStage; deals: Deal[]; count: number; totals: MoneyTotal[] };

/** The funnel's stages in board order, each with its deals and its count and totals by currency. */
export function boardColumns(funnel: Funnel, response: DealListResponse): BoardColumn[] {
  const summaries = new Map(response.stages.map((summary) => [summary.stageId, summary]));
  return [...funnel.stages]
    .sort((a, b) => a.position - b.position)
    .map((stage) => {
      const deals = response.items.filter((deal) => deal.stageId === stage.id);
      const summary = summaries.get(stage.id);
      return {
        stage,
        deals,
        count: summary?.count ?? deals.length,
        totals: summary?.totals ?? sumByCurrency(deals),
      };
    });
}

/** Amounts added up per currency, largest first (a board may mix MXN and USD). */
export function sumByCurrency(deals: readonly Pick<Deal, 'amount' | 'currency'>[]): MoneyTotal[] {
  const sums = new Map<string, number>();
  for (const deal of deals) sums.set(deal.currency, (sums.get(deal.currency) ?? 0) + deal.amount);
  return [...sums]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

function adjustSummary(summary: DealStageSummary, deal: Deal, sign: 1 | -1): DealStageSummary {
  const totals = summary.totals.map((total) =>
    total.currency === deal.currency ? { ...total, amount: total.amount + sign * deal.amount } : total,
  );
  if (sign === 1 && !totals.some((total) => total.currency === deal.currency)) {
    totals.push({ currency: deal.currency, amount: deal.amount });
  }
  return {
    ...summary,
    count: summary.count + sign,
    totals: totals.filter((total) => total.amount !== 0 || sign === 1),
  };
}

/** The board as it will be once a deal has moved to another stage (shown before the server answers). */
export function moveDealLocally(
  response: DealListResponse,
  dealId: string,
  stageId: string,
): DealListResponse {
  const deal = response.items.find((item) => item.id === dealId);
  if (!deal || deal.stageId === stageId) return response;
  const stages = response.stages.some((summary) => summary.stageId === stageId)
    ? response.stages
    : [...response.stages, { stageId, count: 0, totals: [] }];
  return {
    items: response.items.map((item) => (item.id === dealId ? { ...item, stageId } : item)),
    stages: stages.map((summary) => {
      if (summary.stageId === deal.stageId) return adjustSummary(summary, deal, -1);
      if (summary.stageId === stageId) return adjustSummary(summary, deal, 1);
      return summary;
    }),
  };
}
