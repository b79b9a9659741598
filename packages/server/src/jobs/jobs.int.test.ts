import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { createTestDb, type TestDb } from '../testing/index.ts';
import { type JobHandler, JobWorker, PermanentJobError, RetryLaterError, retryDelay } from './job-worker.ts';
import { claimDueJobs, enqueueJob } from './jobs.repo.ts';

const logger = createLogger({ LOG_LEVEL: 'silent' });
let db: TestDb;
let clock: ManualClock;
beforeEach(async () => {
  db = await createTestDb();
  clock = new ManualClock();
});
afterEach(async () => db.dispose());

function recorder(type: string, behaviour: (attempt: number) => void = () => {}) {
  const runs: unknown[] = [];
  let attempt = 0;
  const handler: JobHandler = {
    type,
    async run(job) {
      attempt += 1;
      runs.push(job.payload);
      behaviour(attempt);
    },
  };
  return { handler, runs };
}

async function statusOf(id: string) {
  return db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('the jobs table', () => {
  it('runs a job once its time has come, not before', async () => {
    const { handler, runs } = recorder('send');
    const worker = new JobWorker(db, clock, logger, [handler]);
    await enqueueJob(
      db.kysely,
      { type: 'send', payload: { messageId: 'm1' }, runAt: clock.now() + 5_000 },
      clock.now(),
    );
    expect(await worker.drain()).toBe(0);
    clock.advance(5_000);
    expect(await worker.drain()).toBe(1);
    expect(runs).toEqual([{ messageId: 'm1' }]);
  });

  it('queues a job with the same idempotency key only once', async () => {
    const job = { type: 'send', payload: {}, runAt: clock.now(), idempotencyKey: 'send:m1' };
    expect(await enqueueJob(db.kysely, job, clock.now())).toBe(true);
    expect(await enqueueJob(db.kysely, job, clock.now())).toBe(false);
    const count = await db.kysely
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('retries a failing job with growing delays until it succeeds', async () => {
    const { handler, runs } = recorder('send', (attempt) => {
      if (attempt < 3) throw new Error('Graph API answered 503');
    });
    const worker = new JobWorker(db, clock, logger, [handler], { backoffBaseMs: 1_000, random: () => 1 });
    await enqueueJob(db.kysely, { type: 'send', payload: {}, runAt: clock.now() }, clock.now());
    await worker.drain();
    const [job] = await db.kysely.selectFrom('jobs').selectAll().execute();
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Graph API answered 503' });
    clock.advance(1_000);
    await worker.drain();
    clock.advance(1_999);
    expect(await worker.drain()).toBe(0);
    clock.advance(1);
    await worker.drain();
    expect(runs).toHaveLength(3);
    expect((await statusOf(job?.id ?? '')).status).toBe('done');
  });

  it('waits at least as long as a retry-later error asks', async () => {
    const { handler } = recorder('send', (attempt) => {
      if (attempt === 1) throw new RetryLaterError('throttled', 30_000);
    });
    const worker = new JobWorker(db, clock, logger, [handler], { random: () => 0 });
    await enqueueJob(db.kysely, { type: 'send', payload: {}, runAt: clock.now() }, clock.now());
    await worker.drain();
    clock.advance(29_999);
    expect(await worker.drain()).toBe(0);
    clock.advance(1);
    expect(await worker.drain()).toBe(1);
  });

  it('stops at a permanent error or when attempts run out, keeping the reason', async () => {
    const permanent = recorder('permanent', () => {
      throw new PermanentJobError('number not on WhatsApp');
    });
    const flaky = recorder('flaky', () => {
      throw new Error('timeout');
    });
    const worker = new JobWorker(db, clock, logger, [permanent.handler, flaky.handler], { backoffBaseMs: 1 });
    await enqueueJob(db.kysely, { type: 'permanent', payload: {}, runAt: clock.now() }, clock.now());
    await enqueueJob(
      db.kysely,
      { type: 'flaky', payload: {}, runAt: clock.now(), maxAttempts: 2 },
      clock.now(),
    );
    for (let i = 0; i < 4; i += 1) {
      await worker.drain();
      clock.advance(10);
    }
    const rows = await db.kysely.selectFrom('jobs').selectAll().orderBy('type').execute();
    expect(rows.map((row) => [row.type, row.status, row.attempts, row.last_error])).toEqual([
      ['flaky', 'failed', 2, 'timeout'],
      ['permanent', 'failed', 1, 'number not on WhatsApp'],
    ]);
  });

  it('takes back a job whose worker died once its lease expires', async () => {
    await enqueueJob(db.kysely, { type: 'send', payload: {}, runAt: clock.now() }, clock.now());
    const first = await claimDueJobs(db, { now: clock.now(), leaseMs: 60_000, limit: 10, types: ['send'] });
    expect(first).toHaveLength(1);
    expect(
      await claimDueJobs(db, { now: clock.now(), leaseMs: 60_000, limit: 10, types: ['send'] }),
    ).toHaveLength(0);
    clock.advance(60_001);
    const again = await claimDueJobs(db, { now: clock.now(), leaseMs: 60_000, limit: 10, types: ['send'] });
    expect(again.map((job) => [job.id, job.attempts])).toEqual([[first[0]?.id, 2]]);
  });

  it('never gives one job to two claimers racing for it', async () => {
    for (let i = 0; i < 60; i += 1) {
      await enqueueJob(db.kysely, { type: 'send', payload: { i }, runAt: clock.now() }, clock.now());
    }
    const claims = await Promise.all(
      Array.from({ length: 6 }, () =>
        claimDueJobs(db, { now: clock.now(), leaseMs: 60_000, limit: 15, types: ['send'] }),
      ),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });
});

describe('retryDelay', () => {
  it('doubles up to the ceiling and jitters within the upper half', () => {
    expect(retryDelay(1, 1_000, 60_000, () => 1)).toBe(1_000);
    expect(retryDelay(3, 1_000, 60_000, () => 1)).toBe(4_000);
    expect(retryDelay(3, 1_000, 60_000, () => 0)).toBe(2_000);
    expect(retryDelay(20, 1_000, 60_000, () => 1)).toBe(60_000);
  });
});
