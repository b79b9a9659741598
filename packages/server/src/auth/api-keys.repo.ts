import type { ApiKeyTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import type { MemberRow } from '../workspaces/workspaces.repo.ts';

export type ApiKeyRow = ApiKeyTable;

export async function insertApiKey(db: Executor, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function listApiKeys(db: Executor, workspaceId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findApiKey(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The key with its member, by the SHA-256 of the presented secret. */
export async function findApiKeyWithMember(
  db: Executor,
  secretHash: string,
): Promise<{ key: ApiKeyRow; member: MemberRow } | undefined> {
  const key = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!key) return undefined;
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', key.member_id)
    .executeTakeFirst();
  return member ? { key, member } : undefined;
}

export async function markApiKeyUsed(db: Executor, id: string, now: number): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeApiKeyRow(
  db: Executor,
  workspaceId: string,
  id: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
