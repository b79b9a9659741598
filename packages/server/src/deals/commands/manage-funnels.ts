import type { Funnel, UpdateFunnelRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordFunnelChanged } from '../deals.events.ts';
import { assertMayManageFunnels } from '../deals.policy.ts';
import { presentFunnel } from '../deals.presenter.ts';
import {
  countDealsInStages,
  deleteFunnelRow,
  deleteStageRows,
  type FunnelRow,
  findFunnelRow,
  insertFunnelRow,
  insertStageRow,
  renameFunnelRow,
  stagesOfFunnels,
  updateStageRow,
} from '../funnels.repo.ts';

async function loadFunnel(trx: Executor, actor: Actor, funnelId: string): Promise<FunnelRow> {
  const funnel = await findFunnelRow(trx, actor.workspaceId, funnelId);
  if (!funnel) throw new AppError('FUNNEL_NOT_FOUND');
  return funnel;
}

async function funnelNow(trx: Executor, funnel: FunnelRow): Promise<Funnel> {
  return presentFunnel(funnel, await stagesOfFunnels(trx, [funnel.id]));
}

/** An admin creates a funnel with its stages in board order. */
export async function createFunnel(
  db: Db,
  actor: Actor,
  request: { name: string; stages: string[] },
  now: number,
): Promise<Funnel> {
  assertMayManageFunnels(actor);
  return inTransaction(db, async (trx) => {
    const funnel: FunnelRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      name: request.name,
      created_at: now,
      updated_at: now,
    };
    await insertFunnelRow(trx, funnel);
    for (const [position, name] of request.stages.entries()) {
      await insertStageRow(trx, {
        id: newId(),
        workspace_id: actor.workspaceId,
        funnel_id: funnel.id,
        name,
        position,
        created_at: now,
      });
    }
    await recordFunnelChanged({ trx, engine: db.engine, workspaceId: actor.workspaceId, now }, funnel.id);
    return funnelNow(trx, funnel);
  });
}

/**
 * An admin renames a funnel and/or sets its stages in their new order: listed ids are kept,
 * entries without id are added, stages left out are removed unless deals sit in them.
 */
export async function updateFunnel(
  db: Db,
  actor: Actor,
  funnelId: string,
  request: UpdateFunnelRequest,
  now: number,
): Promise<Funnel> {
  assertMayManageFunnels(actor);
  return inTransaction(db, async (trx) => {
    const funnel = await loadFunnel(trx, actor, funnelId);
    if (request.name !== undefined) await renameFunnelRow(trx, funnel.id, request.name.trim(), now);
    if (request.stages) await replaceStages(trx, actor, funnel, request.stages, now);
    await recordFunnelChanged({ trx, engine: db.engine, workspaceId: actor.workspaceId, now }, funnel.id);
    return funnelNow(trx, { ...funnel, name: request.name?.trim() ?? funnel.name });
  });
}

async function replaceStages(
  trx: Executor,
  actor: Actor,
  funnel: FunnelRow,
  wanted: { id?: string; name: string }[],
  now: number,
): Promise<void> {
  const current = await stagesOfFunnels(trx, [funnel.id]);
  const currentIds = new Set(current.map((stage) => stage.id));
  const seen = new Set<string>();
  for (const [index, stage] of wanted.entries()) {
    if (stage.id === undefined) continue;
    if (!currentIds.has(stage.id))
      throw fieldError(`body.stages.${index}.id`, 'is not a stage of this funnel');
    if (seen.has(stage.id)) throw fieldError(`body.stages.${index}.id`, 'is listed twice');
    seen.add(stage.id);
  }
  const removed = current.filter((stage) => !seen.has(stage.id)).map((stage) => stage.id);
  if ((await countDealsInStages(trx, removed)) > 0) {
    throw new AppError('FUNNEL_HAS_DEALS', {
      fields: [{ field: 'body.stages', message: 'leaves out a stage that still holds deals' }],
    });
  }
  await deleteStageRows(trx, removed);
  for (const [position, stage] of wanted.entries()) {
    const name = stage.name.trim();
    if (stage.id !== undefined) await updateStageRow(trx, stage.id, { name, position });
    else {
      await insertStageRow(trx, {
        id: newId(),
        workspace_id: actor.workspaceId,
        funnel_id: funnel.id,
        name,
        position,
        created_at: now,
      });
    }
  }
}

/** An admin deletes a funnel that holds no deals (its stages go with it). */
export async function deleteFunnel(db: Db, actor: Actor, funnelId: string, now: number): Promise<void> {
  assertMayManageFunnels(actor);
  await inTransaction(db, async (trx) => {
    const funnel = await loadFunnel(trx, actor, funnelId);
    const stages = await stagesOfFunnels(trx, [funnel.id]);
    if (
      (await countDealsInStages(
        trx,
        stages.map((stage) => stage.id),
      )) > 0
    ) {
      throw new AppError('FUNNEL_HAS_DEALS');
    }
    await deleteFunnelRow(trx, funnel.id);
    await recordFunnelChanged(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      funnel.id,
      true,
    );
  });
}
