import type { Db } from '../db/client.ts';
import { type JobHandler, PermanentJobError } from '../jobs/job-worker.ts';
import type { Clock } from '../platform/clock.ts';
import { FIRE_REMINDER_JOB } from './commands/schedule-reminder.ts';
import { failReminder, fireReminder } from './fire-reminder.ts';

/** Fires a reminder at its time (the job's run_at); see `fireReminder`. */
export function fireReminderJob({ db, clock }: { db: Db; clock: Clock }): JobHandler {
  return {
    type: FIRE_REMINDER_JOB,
    async run(job) {
      const payload = job.payload as { reminderId?: unknown };
      if (typeof payload.reminderId !== 'string' || !job.workspaceId) {
        throw new PermanentJobError('reminder.fire job without reminderId or workspace');
      }
      try {
        await fireReminder(db, job.workspaceId, payload.reminderId, clock.now());
      } catch (error) {
        if (job.attempts >= job.maxAttempts) {
          const reason = error instanceof Error ? error.message : String(error);
          await failReminder(
            db,
            job.workspaceId,
            payload.reminderId,
            { reason: `It could not run: ${reason}`, code: null },
            clock.now(),
          );
        }
        throw error;
      }
    },
  };
}
