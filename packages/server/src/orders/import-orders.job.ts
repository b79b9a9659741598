import type { Db } from '../db/client.ts';
import { type JobHandler, PermanentJobError } from '../jobs/job-worker.ts';
import type { Clock } from '../platform/clock.ts';
import { IMPORT_ORDERS_JOB, interruptOrderImport, runOrderImport } from './commands/import-orders.ts';

/** Checks and stores an accepted orders CSV (see `runOrderImport`). */
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
        await interruptOrderImport(db, payload.importId, job.attempts < job.maxAttempts, clock.now());
        throw error;
      }
    },
  };
}
