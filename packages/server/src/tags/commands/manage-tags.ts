import type { Tag } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { announceCustomersChanged } from '../../customers/customer-changes.events.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction, refusingDuplicates } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nameKey } from '../../platform/name-key.ts';
import { assertMayManageTags } from '../tags.policy.ts';
import {
  customerIdsWithTag,
  deleteTag as deleteTagRow,
  findTag,
  findTagByName,
  insertTag,
  mergeTagInto,
  type TagRow,
  updateTag as updateTagRow,
} from '../tags.repo.ts';

const nameTaken = () =>
  new AppError('TAG_NAME_TAKEN', { fields: [{ field: 'body.name', message: 'is already a tag' }] });

/** A tag of the actor's workspace, or TAG_NOT_FOUND. */
export async function loadTag(db: Executor, actor: Actor, tagId: string): Promise<TagRow> {
  const tag = await findTag(db, actor.workspaceId, tagId);
  if (!tag) throw new AppError('TAG_NOT_FOUND');
  return tag;
}

/**
 * Inserts a tag inside the caller's transaction. A name in use (any letter case) fails on the
 * unique index, even when the tag was committed after the caller looked for it.
 */
export async function insertNewTag(
  trx: Executor,
  workspaceId: string,
  input: { name: string; color: string },
  now: number,
): Promise<Tag> {
  const row: TagRow = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name,
    color: input.color,
    created_at: now,
  };
  await insertTag(trx, row);
  return { id: row.id, name: row.name, color: row.color };
}

/** Creates a tag (any member: tags are also created inline from the customer panel). */
export async function createTag(
  db: Db,
  actor: Actor,
  input: { name: string; color: string },
  now: number,
): Promise<Tag> {
  return refusingDuplicates(nameTaken, () =>
    inTransaction(db, async (trx) => {
      if (await findTagByName(trx, actor.workspaceId, input.name)) throw nameTaken();
      return insertNewTag(trx, actor.workspaceId, input, now);
    }),
  );
}

/** Renames or recolours a tag (admins); every conversation of its customers is updated live. */
export async function updateTag(
  db: Db,
  actor: Actor,
  tagId: string,
  input: { name?: string; color?: string },
  now: number,
): Promise<void> {
  assertMayManageTags(actor);
  await refusingDuplicates(nameTaken, () =>
    inTransaction(db, async (trx) => {
      const tag = await loadTag(trx, actor, tagId);
      if (input.name !== undefined && nameKey(input.name) !== nameKey(tag.name)) {
        if (await findTagByName(trx, actor.workspaceId, input.name)) throw nameTaken();
      }
      await updateTagRow(trx, actor.workspaceId, tag.id, input);
      const ctx = { trx, engine: db.engine, workspaceId: actor.workspaceId, now };
      await announceCustomersChanged(ctx, await customerIdsWithTag(trx, actor.workspaceId, tag.id));
    }),
  );
}

/** Deletes a tag and removes it from every customer (admins). */
export async function deleteTag(db: Db, actor: Actor, tagId: string, now: number): Promise<void> {
  assertMayManageTags(actor);
  await inTransaction(db, async (trx) => {
    const tag = await loadTag(trx, actor, tagId);
    const customerIds = await customerIdsWithTag(trx, actor.workspaceId, tag.id);
    await deleteTagRow(trx, actor.workspaceId, tag.id);
    await announceCustomersChanged(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      customerIds,
    );
  });
}

/**
 * Merges a tag into another (admins): its customers get `into` (once, even if they had both)
 * and the merged tag is deleted.
 */
export async function mergeTags(
  db: Db,
  actor: Actor,
  tagId: string,
  intoTagId: string,
  now: number,
): Promise<void> {
  assertMayManageTags(actor);
  if (tagId === intoTagId) throw fieldError('body.into', 'must be another tag');
  await inTransaction(db, async (trx) => {
    const tag = await loadTag(trx, actor, tagId);
    const into = await findTag(trx, actor.workspaceId, intoTagId);
    if (!into)
      throw new AppError('TAG_NOT_FOUND', { fields: [{ field: 'body.into', message: 'is not a tag' }] });
    const customerIds = await customerIdsWithTag(trx, actor.workspaceId, tag.id);
    await mergeTagInto(trx, actor.workspaceId, tag.id, into.id, now);
    await announceCustomersChanged(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      customerIds,
    );
  });
}
