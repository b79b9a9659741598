import type { Executor } from '../db/transaction.ts';

/** A customer's channel handles with the channel's type, for the profile. */
export async function identitiesWithChannels(db: Executor, workspaceId: string, customerId: string) {
  return db
    .selectFrom('customer_identities')
    .innerJoin('channels', 'channels.id', 'customer_identities.channel_id')
    .select([
      'customer_identities.channel_id',
      'channels.type as channel_type',
      'customer_identities.external_id',
      'customer_identities.profile_name',
    ])
    .where('customer_identities.workspace_id', '=', workspaceId)
    .where('customer_identities.customer_id', '=', customerId)
    .orderBy('customer_identities.created_at')
    .execute();
}

/** The ids of a customer's conversations (one per channel), latest activity first. */
export async function conversationIdsOfCustomer(
  db: Executor,
  workspaceId: string,
  customerId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('last_activity_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

/** The name of the member who owns a customer, if any. */
export async function memberName(db: Executor, workspaceId: string, memberId: string) {
  const row = await db
    .selectFrom('members')
    .select('name')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/**
 * A customer of the workspace with this phone number (E.164 digits), so New chat reuses the
 * person a Messenger chat or an import already knows instead of creating a second one.
 */
export async function findCustomerByPhone(db: Executor, workspaceId: string, phone: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .orderBy('created_at')
    .executeTakeFirst();
}
