import type { CustomerNoteTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type NoteRow = CustomerNoteTable;

function selectNotes(db: Executor, workspaceId: string) {
  return db
    .selectFrom('customer_notes')
    .leftJoin('members', 'members.id', 'customer_notes.author_member_id')
    .selectAll('customer_notes')
    .select('members.name as author_name')
    .where('customer_notes.workspace_id', '=', workspaceId);
}

export type NoteView = Awaited<ReturnType<ReturnType<typeof selectNotes>['executeTakeFirstOrThrow']>>;

/** A customer's notes with their authors' names, newest first. */
export async function listNotes(db: Executor, workspaceId: string, customerId: string): Promise<NoteView[]> {
  return selectNotes(db, workspaceId)
    .where('customer_notes.customer_id', '=', customerId)
    .orderBy('customer_notes.created_at', 'desc')
    .orderBy('customer_notes.id', 'desc')
    .execute();
}

export async function findNote(
  db: Executor,
  workspaceId: string,
  customerId: string,
  noteId: string,
): Promise<NoteView | undefined> {
  return selectNotes(db, workspaceId)
    .where('customer_notes.customer_id', '=', customerId)
    .where('customer_notes.id', '=', noteId)
    .executeTakeFirst();
}

export async function insertNote(db: Executor, row: NoteRow): Promise<void> {
  await db.insertInto('customer_notes').values(row).execute();
}

export async function updateNoteBody(
  db: Executor,
  workspaceId: string,
  id: string,
  body: string,
  now: number,
) {
  await db
    .updateTable('customer_notes')
    .set({ body, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNote(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('customer_notes')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
