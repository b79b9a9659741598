import type { Reminder } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import { loadVisibleCustomer } from '../../customers/customer-access.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { changePendingReminders } from '../reminder-changes.ts';
import { presentReminder } from '../reminders.presenter.ts';
import { findReminderView, settleReminder } from '../reminders.repo.ts';

/** Cancels a scheduled reminder of a customer the member can see; its job then does nothing. */
export async function cancelReminder(
  db: Db,
  actor: Actor,
  reminderId: string,
  now: number,
): Promise<Reminder> {
  return inTransaction(db, async (trx) => {
    const reminder = await findReminderView(trx, actor.workspaceId, reminderId);
    if (!reminder) throw new AppError('REMINDER_NOT_FOUND');
    await loadVisibleCustomer(trx, actor, reminder.customer_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'CUSTOMER_NOT_FOUND'
        ? new AppError('REMINDER_NOT_FOUND')
        : error;
    });
    if (!(await settleReminder(trx, reminder.id, { status: 'cancelled' }, now))) {
      throw new AppError('REMINDER_NOT_SCHEDULED');
    }
    await changePendingReminders(
      { trx, engine: db.engine, workspaceId: actor.workspaceId, now },
      reminder.customer_id,
      -1,
    );
    return presentReminder({ ...reminder, status: 'cancelled', updated_at: now });
  });
}
