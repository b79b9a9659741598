/**
 * The ingest benchmark's Charla: a fresh database (temp SQLite file or a new PostgreSQL database),
 * a workspace with one WhatsApp number, and the real server (`packages/server/src/main.ts`, http
 * and worker roles) as a child process on a free port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openDatabase } from '../packages/server/src/db/client.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { newId } from '../packages/server/src/platform/ids.ts';
import { createWorkspace } from '../packages/server/src/workspaces/commands/create-workspace.ts';
import { BENCH_APP_SECRET, PHONE_NUMBER_ID } from './ingest-payloads.ts';

export type Engine = 'sqlite' | 'postgres';

const SERVER_MAIN = path.resolve(import.meta.dirname, '../packages/server/src/main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** A fresh, migrated database and the environment that points Charla at it. */
export async function freshDatabase(engine: Engine, pgUrl: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'charla-bench-'));
  if (engine === 'sqlite') {
    const db = openDatabase({ engine: 'sqlite', file: path.join(dataDir, 'charla.sqlite') });
    await migrateToLatest(db);
    return { db, env: { DATA_DIR: dataDir, DATABASE_URL: '' } };
  }
  if (!pgUrl) throw new Error('PostgreSQL needs BENCH_DATABASE_URL');
  const name = `charla_ingest_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
  await migrateToLatest(db);
  return { db, env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() } };
}

export const ADMIN_PASSWORD = 'bench-password-123';

/** A workspace with a connected WhatsApp number the bench's webhooks are addressed to. */
export async function seedWorkspace(db: Db) {
  const { workspace } = await createWorkspace(db, Date.now(), {
    workspaceName: 'Bench',
    adminName: 'Bench',
    adminEmail: `bench-${Date.now()}@example.com`,
    adminPassword: ADMIN_PASSWORD,
  });
  const now = Date.now();
  const channelId = newId();
  await db.kysely
    .insertInto('channels')
    .values({
      id: channelId,
      workspace_id: workspace.id,
      type: 'whatsapp',
      name: 'Bench',
      external_id: PHONE_NUMBER_ID,
      account_id: '102290129340398',
      address: null,
      access_token_enc: null,
      app_secret_enc: null,
      settings: '{}',
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { workspaceId: workspace.id, channelId };
}

/** A running Charla process. */
export class CharlaProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * Starts `main.ts` with `env` and waits for /readyz. BENCH_SERVER_NODE_ARGS adds Node flags
   * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, written when the bench stops the server).
   */
  static async start(env: Record<string, string>): Promise<CharlaProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', SERVER_MAIN], {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        LOG_LEVEL: 'error',
        META_APP_SECRET: BENCH_APP_SECRET,
        ENCRYPTION_KEY: 'bench-encryption-key-of-32-characters!!',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const server = new CharlaProcess(child, url);
    await server.waitReady();
    return server;
  }

  private async waitReady(): Promise<void> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      if (this.child.exitCode !== null) throw new Error(`server exited with ${this.child.exitCode}`);
      try {
        if ((await fetch(`${this.url}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('server not ready after 30 s');
  }

  /** Resident memory of the server process, in MB (VmRSS from /proc). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  }

  /** SIGTERM (a clean shutdown, which also writes a CPU profile if one was asked for). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** Waits until the server has applied every stored webhook body; returns how long that took. */
export async function drain(db: Db): Promise<number> {
  const started = performance.now();
  for (;;) {
    const row = await db.kysely
      .selectFrom('webhook_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'processing'])
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) return Math.round(performance.now() - started);
    if (performance.now() - started > 600_000) return -1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
