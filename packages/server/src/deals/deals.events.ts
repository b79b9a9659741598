import type { RealtimeEventBody } from '@charla/contracts';
import type { DatabaseEngine } from '../db/client.ts';
import type { Executor } from '../db/transaction.ts';
import { appendEvent } from '../events/events.repo.ts';

type Payload<T extends RealtimeEventBody['type']> = Omit<Extract<RealtimeEventBody, { type: T }>, 'type'>;

interface Context {
  trx: Executor;
  engine: DatabaseEngine;
  workspaceId: string;
  now: number;
}

/** Where a deal sits: the board and the customer panel that show it. */
type DealPlace = { funnel_id: string; customer_id: string };

/**
 * Records `deal.changed` for the deal where it now is and where it was before (a move to another
 * funnel or customer changes two boards or panels). The event carries ids only and goes to the
 * whole workspace: agents see only their own deals, and rather than filter the fan-out per owner
 * the client refetches through the deal endpoints, which apply that rule. So an agent learns at
 * most that some deal changed, never its title, amount or owner.
 */
export async function recordDealChanged(
  ctx: Context,
  dealId: string,
  places: { now: DealPlace | null; before: DealPlace | null },
): Promise<void> {
  const both = [places.now, places.before].filter((place) => place !== null);
  const payload: Payload<'deal.changed'> = {
    dealId,
    funnelIds: [...new Set(both.map((place) => place.funnel_id))],
    customerIds: [...new Set(both.map((place) => place.customer_id))],
    deleted: places.now === null,
  };
  await appendEvent(ctx.trx, ctx.engine, {
    workspaceId: ctx.workspaceId,
    type: 'deal.changed',
    payload,
    createdAt: ctx.now,
  });
}

/** Records `funnel.changed`: funnel lists and that funnel's board reload. */
export async function recordFunnelChanged(ctx: Context, funnelId: string, deleted = false): Promise<void> {
  const payload: Payload<'funnel.changed'> = { funnelId, deleted };
  await appendEvent(ctx.trx, ctx.engine, {
    workspaceId: ctx.workspaceId,
    type: 'funnel.changed',
    payload,
    createdAt: ctx.now,
  });
}
