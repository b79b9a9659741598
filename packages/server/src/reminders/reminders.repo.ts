import type { ConversationScope } from '../conversations/conversations.policy.ts';
import type { ReminderTable } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';

export type ReminderRow = ReminderTable;
type Status = ReminderRow['status'];

function withCreator(db: Executor, workspaceId: string) {
  return db
    .selectFrom('reminders')
    .leftJoin('members', 'members.id', 'reminders.created_by_member_id')
    .selectAll('reminders')
    .select('members.name as creator_name')
    .where('reminders.workspace_id', '=', workspaceId);
}

export type ReminderView = Awaited<ReturnType<ReturnType<typeof withCreator>['executeTakeFirstOrThrow']>>;

export async function insertReminderRow(db: Executor, row: ReminderRow): Promise<void> {
  await db.insertInto('reminders').values(row).execute();
}

export async function findReminderView(db: Executor, workspaceId: string, id: string) {
  return withCreator(db, workspaceId).where('reminders.id', '=', id).executeTakeFirst();
}

/** A customer's reminders, soonest first. */
export async function remindersOfCustomer(db: Executor, workspaceId: string, customerId: string) {
  return withCreator(db, workspaceId)
    .where('reminders.customer_id', '=', customerId)
    .orderBy('reminders.run_at')
    .orderBy('reminders.id')
    .execute();
}

/** Reminders of the customers a member may see, optionally of one status, soonest first. */
export async function listReminderViews(
  db: Executor,
  workspaceId: string,
  scope: ConversationScope,
  status: Status | undefined,
) {
  let query = withCreator(db, workspaceId).innerJoin('customers', 'customers.id', 'reminders.customer_id');
  if (status) query = query.where('reminders.status', '=', status);
  if (scope.kind === 'own') query = query.where('customers.owner_member_id', '=', scope.memberId);
  if (scope.kind === 'own_or_unassigned') {
    query = query.where((eb) =>
      eb.or([
        eb('customers.owner_member_id', '=', scope.memberId),
        eb('customers.owner_member_id', 'is', null),
      ]),
    );
  }
  return query.orderBy('reminders.run_at').orderBy('reminders.id').limit(1000).execute();
}

/**
 * Moves a scheduled reminder to its final status. Compare-and-set: only one caller (a cancel,
 * or one worker of several) wins; the others find it no longer scheduled and get false.
 */
export async function settleReminder(
  db: Executor,
  id: string,
  outcome: {
    status: Exclude<Status, 'scheduled'>;
    failure_reason?: string | null;
    failure_code?: string | null;
    message_id?: string | null;
  },
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('reminders')
    .set({ ...outcome, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps the customer's count of scheduled reminders (the list's pendingReminder flag). */
export async function adjustPendingReminders(db: Executor, customerId: string, delta: 1 | -1): Promise<void> {
  await db
    .updateTable('customers')
    .set((eb) => ({ pending_reminders: eb('pending_reminders', '+', delta) }))
    .where('id', '=', customerId)
    .execute();
}

export async function findWorkspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

export async function setWorkspaceTimeZone(
  db: Executor,
  workspaceId: string,
  timeZone: string,
): Promise<void> {
  await db.updateTable('workspaces').set({ time_zone: timeZone }).where('id', '=', workspaceId).execute();
}

/** The customer's WhatsApp conversation, on one number or (without `channelId`) the latest active one. */
export async function whatsappConversationOf(
  db: Executor,
  workspaceId: string,
  customerId: string,
  channelId: string | undefined,
) {
  let query = db
    .selectFrom('conversations')
    .innerJoin('channels', 'channels.id', 'conversations.channel_id')
    .selectAll('conversations')
    .where('conversations.workspace_id', '=', workspaceId)
    .where('conversations.customer_id', '=', customerId)
    .where('channels.type', '=', 'whatsapp');
  if (channelId) query = query.where('conversations.channel_id', '=', channelId);
  return query.orderBy('conversations.last_activity_at', 'desc').executeTakeFirst();
}

export async function setReminderMessage(db: Executor, id: string, messageId: string): Promise<void> {
  await db.updateTable('reminders').set({ message_id: messageId }).where('id', '=', id).execute();
}
