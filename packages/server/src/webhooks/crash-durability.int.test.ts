import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../testing/index.ts';
import { signMetaBody } from './meta-signature.ts';
import { WEBHOOK_LEASE_MS } from './webhook-processor.ts';

/**
 * `kill -9` of a real server process while webhooks pour in: every webhook that was answered
 * 200 must be in the database after restart, and processing resumes by itself.
 */
const SERVER_MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');
const SECRET = 'crash-test-secret';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
      if (!ready.ok) throw new Error(`/readyz answered ${ready.status}`);
    },
    { timeout: 30_000, interval: 50 },
  );
  return child;
}

let child: ChildProcess | null = null;
let db: TestDb | null = null;
afterEach(async () => {
  child?.kill('SIGKILL');
  await db?.dispose();
});

// On SQLite the durable write is this process's own fsync; on PostgreSQL it is the commit the
// process waits for before answering: either way a 200 must mean stored.
describe('crash durability', () => {
  it('keeps every webhook answered 200 when the server is killed with SIGKILL mid-load', async () => {
    const testDb = await createTestDb();
    db = testDb;
    const port = String(await freePort());
    const env = {
      ...testDb.processEnv,
      PORT: port,
      HOST: '127.0.0.1',
      META_APP_SECRET: SECRET,
      ENCRYPTION_KEY: 'crash-test-encryption-key-32-characters',
    };
    child = await startServer(env);

    const acknowledged: string[] = [];
    let killed = false;
    let reachedTarget: () => void = () => {};
    const target = new Promise<void>((resolve) => {
      reachedTarget = resolve;
    });
    let next = 0;
    const send = async (index: number) => {
      const wamid = `wamid.crash${index}`;
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { phone_number_id: '999' },
                  messages: [
                    {
                      from: '5215500000000',
                      id: wamid,
                      timestamp: '1750000000',
                      type: 'text',
                      text: { body: `n.º ${index} ñ` },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const response = await fetch(`http://127.0.0.1:${port}/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(body, SECRET) },
        body,
      });
      if (response.status === 200) acknowledged.push(wamid);
      if (acknowledged.length >= 400) reachedTarget();
    };
    // 32 concurrent senders, like Meta's parallel deliveries, until the server dies under them.
    const senders = Array.from({ length: 32 }, async () => {
      while (!killed && next < 20_000) {
        next += 1;
        try {
          await send(next);
        } catch {
          // Cut by the kill: never acknowledged, so Meta would deliver it again.
          return;
        }
      }
    });
    await target;
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(senders);
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);

    const stored = new Set(
      (await testDb.kysely.selectFrom('webhook_events').select('body').execute()).map(
        (row) => /wamid\.crash\d+/.exec(row.body)?.[0],
      ),
    );
    const lost = acknowledged.filter((wamid) => !stored.has(wamid));
    expect(lost).toEqual([]);

    // The restarted server picks the stored bodies up again by itself, including the batch the
    // killed process had claimed, once its lease (WEBHOOK_LEASE_MS) runs out.
    child = await startServer(env);
    const pending = async () =>
      Number(
        (
          await testDb.kysely
            .selectFrom('webhook_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', 'in', ['pending', 'processing'])
            .executeTakeFirstOrThrow()
        ).n,
      );
    await expect.poll(pending, { timeout: WEBHOOK_LEASE_MS + 50_000, interval: 100 }).toBe(0);
  }, 120_000);
});
