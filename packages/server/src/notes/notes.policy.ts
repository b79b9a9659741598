import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { NoteRow } from './notes.repo.ts';

/** Only the author edits a note. */
export function assertMayEditNote(
  actor: Pick<Actor, 'memberId'>,
  note: Pick<NoteRow, 'author_member_id'>,
): void {
  if (note.author_member_id !== actor.memberId) throw new AppError('FORBIDDEN');
}

/** The author deletes their own note; admins may delete any. */
export function assertMayDeleteNote(
  actor: Pick<Actor, 'memberId' | 'role'>,
  note: Pick<NoteRow, 'author_member_id'>,
): void {
  if (actor.role !== 'admin' && note.author_member_id !== actor.memberId) throw new AppError('FORBIDDEN');
}
