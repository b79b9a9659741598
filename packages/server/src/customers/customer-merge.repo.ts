import type { ConversationRow } from '../conversations/conversations.repo.ts';
import type { Executor } from '../db/transaction.ts';

/** Tables whose rows simply follow their customer when two customers merge. */
const OWNED_ROWS = ['customer_identities', 'customer_notes', 'deals', 'orders', 'reminders'] as const;

/** Moves the identities, notes, deals, orders and reminders of `fromId` onto `intoId`. */
export async function moveOwnedRows(db: Executor, workspaceId: string, fromId: string, intoId: string) {
  for (const table of OWNED_ROWS) {
    await db
      .updateTable(table)
      .set({ customer_id: intoId })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', fromId)
      .execute();
  }
}

/** Gives `intoId` the tags of `fromId` it does not have yet (each tag once). */
export async function mergeTags(
  db: Executor,
  workspaceId: string,
  fromId: string,
  intoId: string,
  now: number,
) {
  const missing = await db
    .selectFrom('customer_tags')
    .select('tag_id')
    .where('customer_id', '=', fromId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('customer_tags as kept')
            .select('kept.tag_id')
            .where('kept.customer_id', '=', intoId)
            .whereRef('kept.tag_id', '=', 'customer_tags.tag_id'),
        ),
      ),
    )
    .execute();
  if (missing.length === 0) return;
  await db
    .insertInto('customer_tags')
    .values(
      missing.map(({ tag_id }) => ({
        customer_id: intoId,
        tag_id,
        workspace_id: workspaceId,
        created_at: now,
      })),
    )
    .execute();
}

/** Gives `intoId` the custom-field values of `fromId` for fields it has no value for. */
export async function mergeFieldValues(db: Executor, workspaceId: string, fromId: string, intoId: string) {
  const missing = await db
    .selectFrom('custom_field_values')
    .select(['field_id', 'value', 'updated_at'])
    .where('customer_id', '=', fromId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('custom_field_values as kept')
            .select('kept.field_id')
            .where('kept.customer_id', '=', intoId)
            .whereRef('kept.field_id', '=', 'custom_field_values.field_id'),
        ),
      ),
    )
    .execute();
  if (missing.length === 0) return;
  await db
    .insertInto('custom_field_values')
    .values(missing.map((row) => ({ ...row, customer_id: intoId, workspace_id: workspaceId })))
    .execute();
}

/** Hands a whole conversation (thread and all) to another customer. */
export async function moveConversation(db: Executor, conversationId: string, intoId: string, now: number) {
  await db
    .updateTable('conversations')
    .set({ customer_id: intoId, updated_at: now })
    .where('id', '=', conversationId)
    .execute();
}

/**
 * Pours the thread of `from` into `into` (same customer-to-be, same channel), fixes the list
 * fields of `into` from both, and deletes the emptied `from`. Messages keep their times, so the
 * thread reads in order.
 */
export async function pourConversation(
  db: Executor,
  from: ConversationRow,
  into: ConversationRow,
  now: number,
) {
  await db
    .updateTable('messages')
    .set({ conversation_id: into.id })
    .where('conversation_id', '=', from.id)
    .execute();
  const latest = from.last_activity_at > into.last_activity_at ? from : into;
  const inboundTimes = [from.last_inbound_at, into.last_inbound_at].filter((at) => at !== null);
  await db
    .updateTable('conversations')
    .set({
      status: latest.status,
      unread_count: from.unread_count + into.unread_count,
      last_activity_at: latest.last_activity_at,
      last_inbound_at: inboundTimes.length > 0 ? Math.max(...inboundTimes) : null,
      last_message_preview: latest.last_message_preview,
      last_message_kind: latest.last_message_kind,
      last_message_direction: latest.last_message_direction,
      last_message_state: latest.last_message_state,
      last_message_id: latest.last_message_id,
      created_at: Math.min(from.created_at, into.created_at),
      updated_at: now,
    })
    .where('id', '=', into.id)
    .execute();
  await db.deleteFrom('conversations').where('id', '=', from.id).execute();
}

/** Sets the customer's owner and count of scheduled reminders after a merge. */
export async function setMergedCounters(
  db: Executor,
  customerId: string,
  values: { owner_member_id: string | null; pending_reminders: number },
  now: number,
) {
  await db
    .updateTable('customers')
    .set({ ...values, updated_at: now })
    .where('id', '=', customerId)
    .execute();
}

export async function deleteCustomer(db: Executor, workspaceId: string, customerId: string) {
  await db
    .deleteFrom('customers')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', customerId)
    .execute();
}
