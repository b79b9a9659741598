import type { CreateReminderRequest, Reminder, ReminderAction } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { composeTemplate } from '../../conversations/commands/send-message.ts';
import { canSendToCustomer } from '../../conversations/conversations.policy.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/jobs.repo.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { changePendingReminders } from '../reminder-changes.ts';
import { presentReminder } from '../reminders.presenter.ts';
import {
  findReminderView,
  findWorkspaceTimeZone,
  insertReminderRow,
  whatsappConversationOf,
} from '../reminders.repo.ts';
import { zonedTimeToEpoch } from '../zoned-time.ts';

export const FIRE_REMINDER_JOB = 'reminder.fire';

/** The send path names template fields its own way; a reminder nests them under `action`. */
const FIELD_NAMES: Record<string, string> = {
  'body.templateName': 'body.action.template.name',
  'body.parameters': 'body.action.template.variables',
  'body.headerMediaId': 'body.action.template.headerMediaId',
};

type Input = Omit<CreateReminderRequest, 'action'> & { action: ReminderAction };

/**
 * Schedules a reminder about a customer the member can see, at a wall-clock time in the
 * workspace's time zone. A template reminder is checked now exactly as the send path will check
 * it (synced, approved, one value per variable); the job that fires it runs at that instant.
 */
export async function scheduleReminder(
  db: Db,
  actor: Actor,
  customerId: string,
  request: Input,
  now: number,
): Promise<Reminder> {
  return inTransaction(db, async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, customerId);
    const timeZone = await findWorkspaceTimeZone(trx, actor.workspaceId);
    const runAt = zonedTimeToEpoch(request.at, timeZone);
    if (runAt === null) throw fieldError('body.at', 'is not a real date and time');
    if (runAt <= now) throw fieldError('body.at', `must be in the future (the time is read in ${timeZone})`);
    const action =
      request.action.type === 'template'
        ? await checkedTemplate(trx, actor, customer.id, request.action)
        : request.action;
    const id = newId();
    await insertReminderRow(trx, {
      id,
      workspace_id: actor.workspaceId,
      customer_id: customer.id,
      created_by_member_id: actor.memberId,
      status: 'scheduled',
      local_at: request.at,
      time_zone: timeZone,
      run_at: runAt,
      action: JSON.stringify(action),
      failure_reason: null,
      failure_code: null,
      message_id: null,
      created_at: now,
      updated_at: now,
    });
    await enqueueJob(
      trx,
      {
        type: FIRE_REMINDER_JOB,
        workspaceId: actor.workspaceId,
        payload: { reminderId: id },
        runAt,
        idempotencyKey: `reminder:${id}`,
        maxAttempts: 5,
      },
      now,
    );
    await changePendingReminders(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      customer.id,
      1,
    );
    const view = await findReminderView(trx, actor.workspaceId, id);
    if (!view) throw new Error(`reminder ${id} vanished inside its own transaction`);
    return presentReminder(view);
  });
}

async function checkedTemplate(
  trx: Executor,
  actor: Actor,
  customerId: string,
  action: Extract<ReminderAction, { type: 'template' }>,
): Promise<ReminderAction> {
  if (!canSendToCustomer(actor)) throw new AppError('SUPERVISOR_CANNOT_SEND');
  const conversation = await whatsappConversationOf(trx, actor.workspaceId, customerId, action.channelId);
  if (!conversation) {
    throw fieldError(
      action.channelId ? 'body.action.channelId' : 'body.action',
      'the customer has no WhatsApp chat on that number to send a template to',
    );
  }
  try {
    await composeTemplate(
      trx,
      { id: conversation.channel_id, workspace_id: actor.workspaceId },
      {
        templateName: action.template.name,
        language: action.template.language,
        parameters: action.template.variables,
        ...(action.template.headerMediaId ? { headerMediaId: action.template.headerMediaId } : {}),
      },
    );
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    throw new AppError(error.code, {
      fields: error.fields.map((item) => ({ ...item, field: FIELD_NAMES[item.field] ?? item.field })),
    });
  }
  return { ...action, channelId: conversation.channel_id };
}
