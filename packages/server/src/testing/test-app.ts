import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config/config.ts';
import type { AppDeps } from '../http/deps.ts';
import { ManualClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { createDeps } from '../runtime.ts';
import { FakeSender } from './fake-sender.ts';
import { createTestDb, type TestDb } from './test-db.ts';

/** The default app secret test webhooks are signed with. */
export const TEST_APP_SECRET = 'test-app-secret';

/** An app on a fresh test database with a hand-driven clock. */
export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  db: TestDb;
  clock: ManualClock;
  sender: FakeSender;
  close(): Promise<void>;
}

/** Another node's handle on a test database: disposing it closes only its own connections. */
function secondHandle(shared: TestDb): TestDb {
  const db = shared.reopen();
  return { ...db, reopen: () => shared.reopen(), processEnv: shared.processEnv, dispose: () => db.close() };
}

/**
 * Builds the real app for a test; `env` overrides configuration variables. With `sameDatabaseAs`
 * it is a second node on another app's database (its own connections), not a fresh database;
 * with `db` it runs on a database the test prepared (and disposes of it on close).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { sender?: 'fake' | 'graph'; sameDatabaseAs?: TestApp; db?: TestDb } = {},
): Promise<TestApp> {
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    ENCRYPTION_KEY: 'test-encryption-key-of-at-least-32-chars',
    META_APP_SECRET: TEST_APP_SECRET,
    META_VERIFY_TOKEN: 'test-verify-token',
    // Nothing listens there: a test that forgets to point at the sandbox fails fast, offline.
    META_GRAPH_URL: 'http://127.0.0.1:9/v21.0',
    ...env,
  });
  const shared = options.sameDatabaseAs?.db;
  const db: TestDb = shared ? secondHandle(shared) : (options.db ?? (await createTestDb()));
  const clock = new ManualClock(Date.now());
  const sender = new FakeSender();
  const deps = createDeps(config, {
    db,
    clock,
    logger: createLogger(config),
    ...(options.sender === 'graph' ? {} : { sender }),
  });
  const app = await buildApp(deps, { webDistDir: '/nonexistent' });
  await app.ready();
  return {
    app,
    deps,
    db,
    clock,
    sender,
    async close() {
      await app.close();
      await deps.worker.stop();
      await deps.webhookProcessor.stop();
      await db.dispose();
    },
  };
}
