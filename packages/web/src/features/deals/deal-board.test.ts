import type { Deal, DealListResponse, Funnel } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import { boardColumns, moveDealLocally, sumByCurrency } from './deal-board.ts';

const funnel: Funnel = {
  id: 'f1',
  name: 'Sales',
  createdAt: 1_767_225_600_000,
  stages: [
    { id: 'won', name: 'Won', position: 2 },
    { id: 'lead', name: 'Lead', position: 0 },
    { id: 'offer', name: 'Offer', position: 1 },
  ],
};

function deal(id: string, stageId: string, amount: number, currency = 'MXN'): Deal {
  return {
    id,
    title: `Deal ${id}`,
    amount,
    currency,
    funnelId: 'f1',
    stageId,
    customer: { id: 'c1', displayName: 'Ana' },
    owner: null,
    expectedCloseDate: null,
    createdAt: 1_767_225_600_000,
    updatedAt: 1_767_225_600_000,
  };
}

const deals = [deal('a', 'lead', 1000), deal('b', 'lead', 2550), deal('c', 'offer', 700, 'USD')];
const response: DealListResponse = {
  items: deals,
  stages: [
    { stageId: 'lead', count: 2, totals: sumByCurrency(deals.slice(0, 2)) },
    { stageId: 'offer', count: 1, totals: sumByCurrency(deals.slice(2)) },
  ],
};

describe('deal board', () => {
  it('lays the stages out in funnel order, each with its deals, count and totals', () => {
    const columns = boardColumns(funnel, response);
    expect(columns.map((column) => column.stage.name)).toEqual(['Lead', 'Offer', 'Won']);
    expect(columns.map((column) => column.deals.map((item) => item.id))).toEqual([['a', 'b'], ['c'], []]);
    expect(columns.map((column) => column.count)).toEqual([2, 1, 0]);
    expect(columns[0]?.totals).toEqual([{ currency: 'MXN', amount: 3550 }]);
    expect(columns[2]?.totals).toEqual([]);
  });

  it('adds amounts up per currency', () => {
    expect(
      sumByCurrency([deal('x', 'lead', 5, 'USD'), deal('y', 'lead', 10), deal('z', 'lead', 1, 'USD')]),
    ).toEqual([
      { currency: 'MXN', amount: 10 },
      { currency: 'USD', amount: 6 },
    ]);
  });

  it('moves a deal between stages with counts and totals following it', () => {
    const moved = boardColumns(funnel, moveDealLocally(response, 'b', 'won'));
    expect(moved.map((column) => column.count)).toEqual([1, 1, 1]);
    expect(moved[0]?.totals).toEqual([{ currency: 'MXN', amount: 1000 }]);
    expect(moved[2]?.deals.map((item) => item.id)).toEqual(['b']);
    expect(moved[2]?.totals).toEqual([{ currency: 'MXN', amount: 2550 }]);
  });

  it('drops a currency from a column once its last deal of that currency leaves', () => {
    const moved = boardColumns(funnel, moveDealLocally(response, 'c', 'lead'));
    expect(moved[1]).toMatchObject({ count: 0, totals: [] });
    expect(moved[0]?.totals).toEqual([
      { currency: 'MXN', amount: 3550 },
      { currency: 'USD', amount: 700 },
    ]);
  });

  it('leaves the board alone when the deal is already in that stage', () => {
    expect(moveDealLocally(response, 'a', 'lead')).toBe(response);
  });
});
