import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanManageWorkspace } from '../../workspaces/members.policy.ts';
import type { Actor } from '../actor.ts';
import { findApiKey, revokeApiKeyRow } from '../api-keys.repo.ts';

/** An admin revokes a key; requests with it are refused from then on. */
export async function revokeApiKey(db: Db, actor: Actor, apiKeyId: string, now: number): Promise<void> {
  assertCanManageWorkspace(actor);
  await inTransaction(db, async (trx) => {
    const key = await findApiKey(trx, actor.workspaceId, apiKeyId);
    if (!key) throw new AppError('API_KEY_NOT_FOUND');
    if (key.revoked_at !== null) return;
    await revokeApiKeyRow(trx, actor.workspaceId, apiKeyId, now);
    await appendEvent(trx, db.engine, {
      workspaceId: actor.workspaceId,
      type: 'api_key.revoked',
      payload: { apiKeyId, by: actor.memberId },
      createdAt: now,
    });
  });
}
