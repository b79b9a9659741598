import type { QuickReply } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { normalizeText } from '../../customers/customer-search.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction, refusingDuplicates } from '../../db/transaction.ts';
import { findMedia } from '../../media/media.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertMayChangeReply, mayManageShared } from '../quick-replies.policy.ts';
import { presentQuickReply } from '../quick-replies.presenter.ts';
import {
  deleteReply,
  findReply,
  findReplyByShortcut,
  insertReply,
  type QuickReplyView,
  updateReply,
} from '../quick-replies.repo.ts';

/** What the composer's `/` search matches: shortcut, title and text, lower-case and accent-free. */
function searchTextOf(reply: { shortcut: string; title: string; body: string }): string {
  return [reply.shortcut, reply.title, reply.body].map(normalizeText).join(' | ');
}

const shortcutTaken = () =>
  new AppError('QUICK_REPLY_SHORTCUT_TAKEN', {
    fields: [{ field: 'body.shortcut', message: 'is already used by another quick reply' }],
  });

async function assertShortcutFree(
  trx: Executor,
  actor: Actor,
  ownerMemberId: string | null,
  shortcut: string,
  exceptId?: string,
): Promise<void> {
  const existing = await findReplyByShortcut(trx, actor.workspaceId, ownerMemberId, shortcut);
  if (existing && existing.id !== exceptId) throw shortcutTaken();
}

async function assertMediaExists(
  trx: Executor,
  actor: Actor,
  mediaId: string | null | undefined,
): Promise<void> {
  if (!mediaId) return;
  if (!(await findMedia(trx, actor.workspaceId, mediaId))) {
    throw new AppError('MEDIA_NOT_FOUND', {
      fields: [{ field: 'body.mediaId', message: 'is not an uploaded file' }],
    });
  }
}

/** A reply the actor may use (theirs or shared); others answer as not found. */
export async function loadUsableReply(db: Executor, actor: Actor, id: string): Promise<QuickReplyView> {
  const reply = await findReply(db, actor.workspaceId, id);
  if (!reply || (reply.owner_member_id !== null && reply.owner_member_id !== actor.memberId)) {
    throw new AppError('QUICK_REPLY_NOT_FOUND');
  }
  return reply;
}

export async function createQuickReply(
  db: Db,
  actor: Actor,
  input: {
    shortcut: string;
    title: string;
    text: string;
    mediaId: string | null;
    scope: 'personal' | 'shared';
  },
  now: number,
): Promise<QuickReply> {
  if (input.scope === 'shared' && !mayManageShared(actor)) throw new AppError('FORBIDDEN');
  const ownerMemberId = input.scope === 'shared' ? null : actor.memberId;
  return refusingDuplicates(shortcutTaken, () =>
    inTransaction(db, async (trx) => {
      await assertShortcutFree(trx, actor, ownerMemberId, input.shortcut);
      await assertMediaExists(trx, actor, input.mediaId);
      const id = newId();
      await insertReply(trx, {
        id,
        workspace_id: actor.workspaceId,
        owner_member_id: ownerMemberId,
        shortcut: input.shortcut,
        title: input.title,
        body: input.text,
        media_id: input.mediaId,
        search_text: searchTextOf({ shortcut: input.shortcut, title: input.title, body: input.text }),
        created_by_member_id: actor.memberId,
        created_at: now,
        updated_at: now,
      });
      return presentQuickReply(await loadUsableReply(trx, actor, id));
    }),
  );
}

export async function updateQuickReply(
  db: Db,
  actor: Actor,
  id: string,
  input: { shortcut?: string; title?: string; text?: string; mediaId?: string | null },
  now: number,
): Promise<QuickReply> {
  return refusingDuplicates(shortcutTaken, () =>
    inTransaction(db, async (trx) => {
      const reply = await loadUsableReply(trx, actor, id);
      assertMayChangeReply(actor, reply);
      if (input.shortcut !== undefined)
        await assertShortcutFree(trx, actor, reply.owner_member_id, input.shortcut, reply.id);
      await assertMediaExists(trx, actor, input.mediaId);
      const next = {
        shortcut: input.shortcut ?? reply.shortcut,
        title: input.title ?? reply.title,
        body: input.text ?? reply.body,
      };
      await updateReply(trx, actor.workspaceId, reply.id, {
        ...next,
        media_id: input.mediaId === undefined ? reply.media_id : input.mediaId,
        search_text: searchTextOf(next),
        updated_at: now,
      });
      return presentQuickReply(await loadUsableReply(trx, actor, id));
    }),
  );
}

export async function deleteQuickReply(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const reply = await loadUsableReply(trx, actor, id);
    assertMayChangeReply(actor, reply);
    await deleteReply(trx, actor.workspaceId, reply.id);
  });
}
