import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { newId } from '../../platform/ids.ts';
import { type ApiKeyRow, insertApiKey } from '../api-keys.repo.ts';

/** The visible start of every secret, so leaked keys are easy to recognise and scan for. */
export const API_KEY_PREFIX = 'chk_';

/**
 * Creates an API key acting as `memberId`. Returns the secret once; only its hash is stored.
 * Authorisation (admins only) is the caller's job: the CLI runs with server-level trust.
 */
export async function createApiKey(
  db: Db,
  input: { workspaceId: string; memberId: string; name: string; now: number },
): Promise<{ row: ApiKeyRow; secret: string }> {
  const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
  const row: ApiKeyRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    member_id: input.memberId,
    name: input.name,
    prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
    secret_hash: sha256(secret),
    created_at: input.now,
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(db, async (trx) => {
    await insertApiKey(trx, row);
    await appendEvent(trx, db.engine, {
      workspaceId: input.workspaceId,
      type: 'api_key.created',
      payload: { apiKeyId: row.id, name: row.name, by: input.memberId },
      createdAt: input.now,
    });
  });
  return { row, secret };
}
