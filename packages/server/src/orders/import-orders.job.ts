import type { Db } from '../db/client.ts';
import { type JobHandler, PermanentJobError } from '../jobs/job-worker.ts';
import type { Clock } from '../platform/clock.ts';
import { failOrderImport, IMPORT_ORDERS_JOB, runOrderImport } from './commands/import-orders.ts';

/** Stores an accepted orders CSV (see `startOrderImport`). */
export function importOrdersJob({ db, clock }: { db: Db; clock: Clock }): JobHandler {
  return {
    type: IMPORT_ORDERS_JOB,
    async run(job) {
      const payload = job.payload as { importId?: unknown };
      if (typeof payload.importId !== 'string' || !job.workspaceId) {
        throw new PermanentJobError('orders.import job without importId or workspace');
      }
      try {
        await runOrderImport(db, payload.importId, job.workspaceId, clock);
      } catch (error) {
        if (job.attempts >= job.maxAttempts) {
          const reason = error instanceof Error ? error.message : String(error);
          await failOrderImport(db, payload.importId, `the import stopped: ${reason}`, clock.now());
        }
        throw error;
      }
    },
  };
}
