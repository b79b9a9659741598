import type { Message } from '@charla/contracts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { fieldError } from '../platform/errors.ts';
import { loadVisibleConversation } from './conversation-access.ts';
import { presentMessage } from './conversations.presenter.ts';
import { findMessageRow } from './conversations.repo.ts';
import { listThreadPage, reactionsOf } from './messages.queries.ts';

/** A page of a conversation's messages, oldest first, ending just before `before`. */
export async function loadThread(
  db: Db,
  actor: Actor,
  conversationId: string,
  page: { before?: string; limit: number },
): Promise<{ items: Message[]; nextBefore: string | null }> {
  await loadVisibleConversation(db.kysely, actor, conversationId);
  let position: { at: number; id: string } | null = null;
  if (page.before) {
    const anchor = await findMessageRow(db.kysely, actor.workspaceId, page.before);
    if (!anchor || anchor.conversation_id !== conversationId) {
      throw fieldError('query.before', 'is not a message of this conversation');
    }
    position = { at: anchor.created_at, id: anchor.id };
  }
  const { rows, hasMore } = await listThreadPage(db.kysely, conversationId, position, page.limit);
  const reactions = await reactionsOf(
    db.kysely,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => presentMessage(row, reactions.get(row.id) ?? [])),
    nextBefore: hasMore ? (rows[0]?.id ?? null) : null,
  };
}
