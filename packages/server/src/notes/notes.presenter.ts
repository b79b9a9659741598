import type { CustomerNote } from '@charla/contracts';
import type { NoteView } from './notes.repo.ts';

export function presentNote(row: NoteView): CustomerNote {
  return {
    id: row.id,
    customerId: row.customer_id,
    body: row.body,
    author: row.author_member_id ? { id: row.author_member_id, name: row.author_name ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
