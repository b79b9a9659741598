import type { SessionTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import type { MemberRow } from '../workspaces/workspaces.repo.ts';

export type SessionRow = SessionTable;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A session with its member, by the SHA-256 of the cookie token. */
export async function findSessionWithMember(
  db: Executor,
  id: string,
): Promise<{ session: SessionRow; member: MemberRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .selectAll('members')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at as session_expires_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_csrf_token, session_created_at, session_expires_at, ...member } = row;
  return {
    session: {
      id: session_id,
      workspace_id: member.workspace_id,
      member_id: member.id,
      csrf_token: session_csrf_token,
      created_at: session_created_at,
      expires_at: session_expires_at,
    },
    member,
  };
}

export async function extendSession(db: Executor, id: string, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfMember(db: Executor, memberId: string): Promise<void> {
  await db.deleteFrom('sessions').where('member_id', '=', memberId).execute();
}
