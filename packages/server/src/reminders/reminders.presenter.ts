import { type Reminder, reminderActionSchema } from '@charla/contracts';
import type { ReminderView } from './reminders.repo.ts';

export function presentReminder(row: ReminderView): Reminder {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    at: row.local_at,
    timeZone: row.time_zone,
    runAt: row.run_at,
    action: reminderActionSchema.parse(JSON.parse(row.action)),
    failureReason: row.failure_reason,
    failureCode: row.failure_code,
    messageId: row.message_id,
    createdBy: row.created_by_member_id
      ? { id: row.created_by_member_id, name: row.creator_name ?? '' }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
