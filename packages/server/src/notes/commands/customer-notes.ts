import type { CustomerNote } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertMayDeleteNote, assertMayEditNote } from '../notes.policy.ts';
import { presentNote } from '../notes.presenter.ts';
import { deleteNote, findNote, insertNote, type NoteView, updateNoteBody } from '../notes.repo.ts';

async function loadNote(trx: Executor, actor: Actor, customerId: string, noteId: string): Promise<NoteView> {
  const customer = await loadVisibleCustomer(trx, actor, customerId);
  const note = await findNote(trx, actor.workspaceId, customer.id, noteId);
  if (!note) throw new AppError('NOTE_NOT_FOUND');
  return note;
}

/** Adds a note about a customer the actor can see, signed by them. */
export async function addNote(
  db: Db,
  actor: Actor,
  customerId: string,
  body: string,
  now: number,
): Promise<CustomerNote> {
  return inTransaction(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, customerId);
    const id = newId();
    await insertNote(trx, {
      id,
      workspace_id: actor.workspaceId,
      customer_id: customer.id,
      author_member_id: actor.memberId,
      body,
      created_at: now,
      updated_at: now,
    });
    const note = await findNote(trx, actor.workspaceId, customer.id, id);
    if (!note) throw new Error(`note ${id} vanished inside its own transaction`);
    return presentNote(note);
  });
}

/** The author rewrites their note. */
export async function editNote(
  db: Db,
  actor: Actor,
  ids: { customerId: string; noteId: string },
  body: string,
  now: number,
): Promise<CustomerNote> {
  return inTransaction(db, async (trx) => {
    const note = await loadNote(trx, actor, ids.customerId, ids.noteId);
    assertMayEditNote(actor, note);
    await updateNoteBody(trx, actor.workspaceId, note.id, body, now);
    return presentNote({ ...note, body, updated_at: now });
  });
}

/** The author (or an admin) deletes a note. */
export async function removeNote(
  db: Db,
  actor: Actor,
  ids: { customerId: string; noteId: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const note = await loadNote(trx, actor, ids.customerId, ids.noteId);
    assertMayDeleteNote(actor, note);
    await deleteNote(trx, actor.workspaceId, note.id);
  });
}
