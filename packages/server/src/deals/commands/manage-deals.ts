import type { CreateDealRequest, Deal, UpdateDealRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findMember } from '../../workspaces/workspaces.repo.ts';
import { recordDealActivity } from '../deal-activity.ts';
import { recordDealChanged } from '../deals.events.ts';
import { assertMaySetOwner, canSeeDeal } from '../deals.policy.ts';
import { presentDeal } from '../deals.presenter.ts';
import { type DealRow, deleteDealRow, findDealView, insertDealRow, updateDealRow } from '../deals.repo.ts';
import { findStageRow, type StageRow } from '../funnels.repo.ts';

type CreateInput = Omit<CreateDealRequest, 'currency'> & { currency: string };
type UpdateInput = Omit<UpdateDealRequest, 'currency'> & { currency?: string };

async function stageNamed(trx: Executor, actor: Actor, stageId: string): Promise<StageRow> {
  const stage = await findStageRow(trx, actor.workspaceId, stageId);
  if (!stage) throw fieldError('body.stageId', 'is not a stage of any funnel in this workspace');
  return stage;
}

async function customerNamed(trx: Executor, actor: Actor, customerId: string) {
  try {
    return await loadVisibleCustomer(trx, actor, customerId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CUSTOMER_NOT_FOUND') {
      throw fieldError('body.customerId', 'is not a customer you can see');
    }
    throw error;
  }
}

async function ownerChecked(trx: Executor, actor: Actor, ownerId: string | null): Promise<string | null> {
  assertMaySetOwner(actor, ownerId, 'body.ownerId');
  if (ownerId === null) return null;
  const member = await findMember(trx, actor.workspaceId, ownerId);
  if (member?.active !== 1) throw fieldError('body.ownerId', 'is not an active member of this workspace');
  return member.id;
}

async function loadDeal(trx: Executor, actor: Actor, dealId: string) {
  const deal = await findDealView(trx, actor.workspaceId, dealId);
  if (!deal || !canSeeDeal(actor, deal.owner_member_id)) throw new AppError('DEAL_NOT_FOUND');
  return deal;
}

/** Creates a deal for a customer the member can see; an activity line goes into their threads. */
export async function createDeal(db: Db, actor: Actor, request: CreateInput, now: number): Promise<Deal> {
  return inTransaction(db, async (trx) => {
    const customer = await customerNamed(trx, actor, request.customerId);
    const stage = await stageNamed(trx, actor, request.stageId);
    const row: DealRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      funnel_id: stage.funnel_id,
      stage_id: stage.id,
      customer_id: customer.id,
      owner_member_id: await ownerChecked(
        trx,
        actor,
        request.ownerId === undefined ? actor.memberId : request.ownerId,
      ),
      title: request.title,
      amount_minor: request.amount,
      currency: request.currency,
      expected_close_date: request.expectedCloseDate ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertDealRow(trx, row);
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    await recordDealActivity(ctx, customer.id, actor.memberId, {
      action: 'deal_created',
      from: row.title,
      to: stage.name,
    });
    await recordDealChanged(ctx, row.id, { now: row, before: null });
    return presentDeal(await reread(trx, actor, row.id));
  });
}

/** Edits a deal; a new stage moves it and says so in the customer's threads. Everyone's boards follow. */
export async function updateDeal(
  db: Db,
  actor: Actor,
  dealId: string,
  request: UpdateInput,
  now: number,
): Promise<Deal> {
  return inTransaction(db, async (trx) => {
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    const deal = await loadDeal(trx, actor, dealId);
    const changes: Partial<DealRow> = { updated_at: now };
    if (request.title !== undefined) changes.title = request.title;
    if (request.amount !== undefined) changes.amount_minor = request.amount;
    if (request.currency !== undefined) changes.currency = request.currency;
    if (request.expectedCloseDate !== undefined) changes.expected_close_date = request.expectedCloseDate;
    if (request.ownerId !== undefined)
      changes.owner_member_id = await ownerChecked(trx, actor, request.ownerId);
    if (request.customerId !== undefined) {
      const customer = await customerNamed(trx, actor, request.customerId);
      changes.customer_id = customer.id;
    }
    const moved = request.stageId !== undefined && request.stageId !== deal.stage_id;
    if (moved && request.stageId) {
      const [from, to] = [
        await findStageRow(trx, actor.workspaceId, deal.stage_id),
        await stageNamed(trx, actor, request.stageId),
      ];
      changes.stage_id = to.id;
      changes.funnel_id = to.funnel_id;
      await updateDealRow(trx, deal.id, changes);
      await recordDealActivity(ctx, changes.customer_id ?? deal.customer_id, actor.memberId, {
        action: 'deal_stage_changed',
        from: from?.name ?? '',
        to: to.name,
      });
    } else {
      await updateDealRow(trx, deal.id, changes);
    }
    const updated = await reread(trx, actor, deal.id);
    await recordDealChanged(ctx, deal.id, { now: updated, before: deal });
    return presentDeal(updated);
  });
}

/** Deletes a deal; it leaves everyone's boards and panels. */
export async function deleteDeal(db: Db, actor: Actor, dealId: string, now: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const deal = await loadDeal(trx, actor, dealId);
    await deleteDealRow(trx, deal.id);
    const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
    await recordDealChanged(ctx, deal.id, { now: null, before: deal });
  });
}

async function reread(trx: Executor, actor: Actor, dealId: string) {
  const view = await findDealView(trx, actor.workspaceId, dealId);
  if (!view) throw new Error(`deal ${dealId} vanished inside its own transaction`);
  return view;
}
