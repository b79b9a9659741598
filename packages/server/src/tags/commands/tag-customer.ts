import type { Tag } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import { announceCustomersChanged } from '../../customers/customer-changes.events.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction, inTransactionFindingRaces } from '../../db/transaction.ts';
import { addCustomerTag, findTagByName, removeCustomerTag } from '../tags.repo.ts';
import { insertNewTag, loadTag } from './manage-tags.ts';

/** Which tag to put on a customer: an existing one by id, or one by name (created if new). */
export type TagChoice = { tagId: string } | { name: string; color: string };

/**
 * Tags a customer the actor can see. Tagging twice is harmless; the customer's conversations
 * are updated live only when something changed. Two members creating the same new tag at once
 * both end up with the one tag.
 */
export async function tagCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  choice: TagChoice,
  now: number,
): Promise<Tag> {
  return inTransactionFindingRaces(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, customerId);
    let tag: Tag;
    if ('tagId' in choice) tag = await loadTag(trx, actor, choice.tagId);
    else
      tag =
        (await findTagByName(trx, actor.workspaceId, choice.name)) ??
        (await insertNewTag(trx, actor.workspaceId, choice, now));
    const added = await addCustomerTag(trx, {
      workspace_id: actor.workspaceId,
      customer_id: customer.id,
      tag_id: tag.id,
      created_at: now,
    });
    if (added) {
      await announceCustomersChanged({ trx, engine: db.engine, workspaceId: actor.workspaceId, now }, [
        customer.id,
      ]);
    }
    return { id: tag.id, name: tag.name, color: tag.color };
  });
}

/** Removes a tag from a customer the actor can see (removing one they lack is harmless). */
export async function untagCustomer(db: Db, actor: Actor, customerId: string, tagId: string, now: number) {
  await inTransaction(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, customerId);
    const tag = await loadTag(trx, actor, tagId);
    if (await removeCustomerTag(trx, actor.workspaceId, customer.id, tag.id)) {
      await announceCustomersChanged({ trx, engine: db.engine, workspaceId: actor.workspaceId, now }, [
        customer.id,
      ]);
    }
  });
}
