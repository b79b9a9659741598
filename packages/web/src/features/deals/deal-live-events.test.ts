import type { RealtimeEvent } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import {
  boardQueryKey,
  customerDealsQueryKey,
  funnelsQueryKey,
  staleDealsAfter,
} from './deal-live-events.ts';

const envelope = { id: 7, createdAt: 1_767_225_600_000 };
const cached = {
  salesBoard: boardQueryKey({ funnel: 'sales' }),
  salesBoardFiltered: boardQueryKey({ funnel: 'sales', owner: 'luis', minAmount: 100_000 }),
  aftercareBoard: boardQueryKey({ funnel: 'aftercare' }),
  otherBoard: boardQueryKey({ funnel: 'wholesale' }),
  valePanel: customerDealsQueryKey('vale'),
  otherPanel: customerDealsQueryKey('mariana'),
};

function staleKeys(event: RealtimeEvent): string[] {
  const stale = staleDealsAfter(event);
  if (!stale) return [];
  return Object.entries(cached)
    .filter(([, key]) => stale.dealList(key))
    .map(([name]) => name);
}

describe('which deal lists a live event reloads', () => {
  it('a deal moved to another funnel reloads both boards whatever their filters, and its customer’s panel', () => {
    const event: RealtimeEvent = {
      ...envelope,
      type: 'deal.changed',
      dealId: 'd1',
      funnelIds: ['aftercare', 'sales'],
      customerIds: ['vale'],
      deleted: false,
    };
    expect(staleKeys(event)).toEqual(['salesBoard', 'salesBoardFiltered', 'aftercareBoard', 'valePanel']);
    expect(staleDealsAfter(event)?.funnels).toBe(false);
  });

  it('a funnel change reloads the funnel list and that funnel’s boards, not customers’ panels', () => {
    const event: RealtimeEvent = { ...envelope, type: 'funnel.changed', funnelId: 'sales', deleted: false };
    expect(staleKeys(event)).toEqual(['salesBoard', 'salesBoardFiltered']);
    expect(staleDealsAfter(event)?.funnels).toBe(true);
    expect(staleDealsAfter(event)?.dealList(funnelsQueryKey)).toBe(false);
  });

  it('events about conversations and members reload no deals', () => {
    const event: RealtimeEvent = { ...envelope, type: 'conversation.removed', conversationId: 'c1' };
    expect(staleDealsAfter(event)).toBeNull();
  });
});
