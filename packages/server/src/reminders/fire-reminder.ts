import { ERROR_CATALOG, type ErrorCode, type ReminderAction, reminderActionSchema } from '@charla/contracts';
import type { Actor } from '../auth/actor.ts';
import { sendInTransaction } from '../conversations/commands/send-message.ts';
import { findConversationOf } from '../conversations/conversations.repo.ts';
import { conversationIdsOfCustomer } from '../customers/customer-profile.queries.ts';
import { findCustomer } from '../customers/customers.repo.ts';
import type { Db } from '../db/client.ts';
import { type Executor, inTransaction } from '../db/transaction.ts';
import { appendEvent } from '../events/events.repo.ts';
import { AppError } from '../platform/errors.ts';
import { findMember } from '../workspaces/workspaces.repo.ts';
import { changePendingReminders, type ReminderContext } from './reminder-changes.ts';
import { presentReminder } from './reminders.presenter.ts';
import { findReminderView, type ReminderView, setReminderMessage, settleReminder } from './reminders.repo.ts';

/**
 * Runs a due reminder once. The reminder is claimed (scheduled → sent) in the same transaction
 * as its effect, so a cancel racing it, a second worker or a retried job finds it settled and
 * does nothing. When the send path refuses (template no longer approved, customer blocked,
 * creator gone) the reminder is marked failed with that reason instead.
 */
export async function fireReminder(
  db: Db,
  workspaceId: string,
  reminderId: string,
  now: number,
): Promise<void> {
  const reminder = await findReminderView(db.kysely, workspaceId, reminderId);
  if (reminder?.status !== 'scheduled') return;
  const action = reminderActionSchema.parse(JSON.parse(reminder.action));
  try {
    await inTransaction(db, async (trx) => {
      if (!(await settleReminder(trx, reminder.id, { status: 'sent' }, now))) return;
      const ctx = { trx, engine: db.engine, workspaceId, now };
      if (action.type === 'template') await sendTemplate(ctx, db, reminder, action);
      else await notifyOwner(ctx, reminder);
      await changePendingReminders(ctx, reminder.customer_id, -1);
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await failReminder(db, workspaceId, reminder.id, failureOf(error), now);
  }
}

/** Why a reminder failed: English words for people, and the catalog code when it has one. */
export interface ReminderFailure {
  reason: string;
  code: ErrorCode | null;
}

/** Marks a still-scheduled reminder failed with a reason people can read. */
export async function failReminder(
  db: Db,
  workspaceId: string,
  reminderId: string,
  failure: ReminderFailure,
  now: number,
) {
  await inTransaction(db, async (trx) => {
    const reminder = await findReminderView(trx, workspaceId, reminderId);
    if (!reminder) return;
    if (
      !(await settleReminder(
        trx,
        reminder.id,
        { status: 'failed', failure_reason: failure.reason, failure_code: failure.code },
        now,
      ))
    )
      return;
    await changePendingReminders({ trx, engine: db.engine, workspaceId, now }, reminder.customer_id, -1);
  });
}

function failureOf(error: AppError): ReminderFailure {
  const details = (error.fields ?? []).map((field) => `${field.field} ${field.message}`);
  return { reason: [ERROR_CATALOG[error.code].en, ...details].join(' '), code: error.code };
}

/** The member who scheduled the reminder, acting as themselves when it sends. */
async function creatorActor(trx: Executor, reminder: ReminderView): Promise<Actor> {
  const member = reminder.created_by_member_id
    ? await findMember(trx, reminder.workspace_id, reminder.created_by_member_id)
    : undefined;
  if (member?.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
  return {
    workspaceId: member.workspace_id,
    memberId: member.id,
    role: member.role,
    assignedOnly: member.assigned_only === 1,
    via: 'session',
    sessionId: null,
    csrfToken: null,
  };
}

async function sendTemplate(
  ctx: ReminderContext,
  db: Db,
  reminder: ReminderView,
  action: Extract<ReminderAction, { type: 'template' }>,
) {
  const actor = await creatorActor(ctx.trx, reminder);
  const conversation = action.channelId
    ? await findConversationOf(ctx.trx, reminder.customer_id, action.channelId)
    : undefined;
  if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
  // The reminder's id is the message's clientId: the send path stores it once, whatever happens.
  const { message } = await sendInTransaction(
    ctx.trx,
    db,
    actor,
    conversation.id,
    {
      type: 'template',
      clientId: reminder.id,
      templateName: action.template.name,
      language: action.template.language,
      parameters: action.template.variables,
      ...(action.template.headerMediaId ? { headerMediaId: action.template.headerMediaId } : {}),
    },
    ctx.now,
  );
  await setReminderMessage(ctx.trx, reminder.id, message.id);
}

/** `reminder.due` for the customer's owner (or whoever scheduled it when nobody owns them). */
async function notifyOwner(ctx: ReminderContext, reminder: ReminderView) {
  const customer = await findCustomer(ctx.trx, ctx.workspaceId, reminder.customer_id);
  const memberId = customer?.owner_member_id ?? reminder.created_by_member_id;
  if (!memberId) throw new AppError('MEMBER_NOT_FOUND');
  const settled = await findReminderView(ctx.trx, ctx.workspaceId, reminder.id);
  if (!settled) throw new Error(`reminder ${reminder.id} vanished inside its own transaction`);
  // Tied to the customer's latest chat, so only members who may see that chat receive it.
  const [conversationId] = await conversationIdsOfCustomer(ctx.trx, ctx.workspaceId, reminder.customer_id);
  await appendEvent(ctx.trx, ctx.engine, {
    workspaceId: ctx.workspaceId,
    type: 'reminder.due',
    conversationId: conversationId ?? null,
    ownerMemberId: customer?.owner_member_id ?? null,
    payload: { reminder: presentReminder(settled), memberId },
    createdAt: ctx.now,
  });
}
