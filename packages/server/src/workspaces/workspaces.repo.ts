import type { MemberTable, WorkspaceTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type WorkspaceRow = WorkspaceTable;
export type MemberRow = MemberTable;

export async function countWorkspaces(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertWorkspace(db: Executor, row: WorkspaceRow): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function findWorkspace(db: Executor, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMember(db: Executor, row: MemberRow): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

/** E-mails are unique across workspaces: sign-in takes only an e-mail and a password. */
export async function findMemberByEmail(db: Executor, email: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function emailTaken(db: Executor, email: string, exceptMemberId?: string): Promise<boolean> {
  let query = db.selectFrom('members').select('id').where('email', '=', email);
  if (exceptMemberId) query = query.where('id', '!=', exceptMemberId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function findMember(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listMembers(db: Executor, workspaceId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}

export async function updateMemberRow(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: Partial<Omit<MemberRow, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('members')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function countActiveAdmins(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The first active admin, whom CLI-made API keys act as. */
export async function findFirstAdmin(db: Executor, workspaceId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst();
}
