import type { ConversationTable, MessageTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type ConversationRow = ConversationTable;
export type MessageRow = MessageTable;

export async function findConversationRow(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findConversationOf(
  db: Executor,
  customerId: string,
  channelId: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
}

export async function insertConversationRow(db: Executor, row: ConversationRow): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

export async function updateConversationRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<ConversationRow, 'id' | 'workspace_id'>>,
): Promise<void> {
  await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

/** Copies a customer's new owner onto all of their conversations; returns those conversations. */
export async function setOwnerOnCustomerConversations(
  db: Executor,
  customerId: string,
  ownerMemberId: string | null,
  now: number,
): Promise<ConversationRow[]> {
  await db
    .updateTable('conversations')
    .set({ owner_member_id: ownerMemberId, updated_at: now })
    .where('customer_id', '=', customerId)
    .execute();
  return db.selectFrom('conversations').selectAll().where('customer_id', '=', customerId).execute();
}

export async function insertMessageRow(db: Executor, row: MessageRow): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function findMessageRow(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findMessageByClientId(
  db: Executor,
  workspaceId: string,
  clientId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function findMessageByProviderId(
  db: Executor,
  channelId: string,
  providerMessageId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst();
}

export async function updateMessageRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<MessageRow, 'id' | 'workspace_id' | 'conversation_id'>>,
): Promise<void> {
  await db.updateTable('messages').set(changes).where('id', '=', id).execute();
}
