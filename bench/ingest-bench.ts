/**
 * Webhook ingest benchmark (npm run bench -- --only ingest): a real Charla process on SQLite
 * or PostgreSQL, signed WhatsApp webhooks fired by autocannon at a fixed rate from this
 * process, then a check that every acknowledged message is stored exactly once.
 * Reports; never asserts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../packages/server/src/db/client.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { newId } from '../packages/server/src/platform/ids.ts';
import { signMetaBody } from '../packages/server/src/webhooks/meta-signature.ts';
import { createWorkspace } from '../packages/server/src/workspaces/commands/create-workspace.ts';

const SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ROOT = path.resolve(import.meta.dirname, '..');

export interface IngestResult {
  scenario: string;
  engine: 'sqlite' | 'postgres';
  targetRate: number;
  durationS: number;
  sent: number;
  acknowledged: number;
  non2xx: number;
  errors: number;
  achievedRate: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  drainMs: number;
  stored: number;
  expected: number;
  lost: number;
  duplicates: number;
  backwards?: number;
}

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

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('server not ready after 30 s');
}

/** A fresh database: a temp SQLite file, or a new database on the given PostgreSQL server. */
async function freshDatabase(engine: 'sqlite' | 'postgres', pgUrl: string | undefined) {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'charla-bench-'));
    const db = openDatabase({ engine: 'sqlite', file: path.join(dataDir, 'charla.sqlite') });
    return { db, env: { DATA_DIR: dataDir } };
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
  return {
    db,
    env: { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'charla-bench-')) },
  };
}

async function seedChannel(db: Db): Promise<string> {
  await migrateToLatest(db);
  const { workspace } = await createWorkspace(db, Date.now(), {
    workspaceName: 'Bench',
    adminName: 'Bench',
    adminEmail: `bench-${Date.now()}@example.com`,
    adminPassword: 'bench-password-123',
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
  return channelId;
}

function messageBody(index: number): string {
  const from = `52155${String(10_000_000 + (index % 5_000)).padStart(8, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Cliente ${index % 5_000} Ñúñez` }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.bench${index}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: `Hola, ¿tienen stock? #${index} 😀` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

function statusBody(index: number, status: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              statuses: [
                {
                  id: `wamid.out${index}`,
                  status,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  recipient_id: '5215500000000',
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

async function fire(url: string, bodies: string[], rate: number, durationS: number) {
  let next = 0;
  const signed = bodies.map((body) => ({ body, signature: signMetaBody(body, SECRET) }));
  const result = await autocannon({
    url: `${url}/webhooks/meta`,
    connections: Math.min(100, Math.max(10, Math.ceil(rate / 20))),
    overallRate: rate,
    amount: Math.min(signed.length, rate * durationS),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const item = signed[next % signed.length];
          next += 1;
          return {
            ...request,
            body: item?.body,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': item?.signature ?? '' },
          };
        },
      },
    ],
  });
  return result;
}

async function drain(db: Db): Promise<number> {
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

/** Inbound messages at `rate`/s for `durationS` s, 5 % of them redelivered. */
export async function runIngestScenario(options: {
  engine: 'sqlite' | 'postgres';
  rate: number;
  durationS: number;
  pgUrl?: string;
  scenario: string;
}): Promise<IngestResult> {
  const { db, env } = await freshDatabase(options.engine, options.pgUrl);
  await seedChannel(db);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'packages/server/src/main.ts')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      META_APP_SECRET: SECRET,
      ENCRYPTION_KEY: 'bench-encryption-key-of-32-characters!!',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child);
    const total = options.rate * options.durationS;
    const unique = Math.round(total * 0.95);
    // Every 20th delivery repeats an earlier message: Meta's redeliveries.
    const bodies = Array.from({ length: total }, (_, i) =>
      messageBody(i % 20 === 19 ? Math.floor(i / 2) % unique : Math.min(i, unique - 1)),
    );
    const expectedIds = new Set(bodies.map((body) => /wamid\.bench\d+/.exec(body)?.[0]));
    const result = await fire(url, bodies, options.rate, options.durationS);
    const drainMs = await drain(db);
    const stored = await db.kysely
      .selectFrom('messages')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`count(distinct provider_message_id)`.as('distinct'),
      ])
      .where('direction', '=', 'inbound')
      .executeTakeFirstOrThrow();
    return {
      scenario: options.scenario,
      engine: options.engine,
      targetRate: options.rate,
      durationS: options.durationS,
      sent: result.requests.sent,
      acknowledged: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      achievedRate: Math.round(result.requests.total / result.duration),
      ackP50: result.latency.p50,
      ackP99: result.latency.p99,
      ackMax: result.latency.max,
      drainMs,
      stored: Number(stored.n),
      expected: expectedIds.size,
      lost: expectedIds.size - Number(stored.distinct),
      duplicates: Number(stored.n) - Number(stored.distinct),
    };
  } finally {
    child.kill('SIGTERM');
    await db.close();
  }
}

/** Status webhooks (sent / delivered / read, shuffled, each message twice) at `rate`/s. */
export async function runStatusScenario(options: {
  engine: 'sqlite' | 'postgres';
  rate: number;
  durationS: number;
  pgUrl?: string;
}): Promise<IngestResult> {
  const { db, env } = await freshDatabase(options.engine, options.pgUrl);
  const channelId = await seedChannel(db);
  const total = options.rate * options.durationS;
  const messagesCount = Math.ceil(total / 4);
  const workspace = await db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  const now = Date.now();
  const customerId = newId();
  const conversationId = newId();
  await db.kysely
    .insertInto('customers')
    .values({
      id: customerId,
      workspace_id: workspace.id,
      profile_name: 'Bench',
      first_name: null,
      last_name: null,
      phone: '5215500000000',
      email: null,
      owner_member_id: null,
      bot_enabled: 1,
      blocked: 0,
      search_text: 'bench',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db.kysely
    .insertInto('conversations')
    .values({
      id: conversationId,
      workspace_id: workspace.id,
      customer_id: customerId,
      channel_id: channelId,
      owner_member_id: null,
      status: 'pending',
      unread_count: 0,
      last_activity_at: now,
      last_inbound_at: now,
      last_message_preview: null,
      last_message_kind: null,
      last_message_direction: null,
      last_message_state: null,
      last_message_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (let start = 0; start < messagesCount; start += 500) {
    const rows = Array.from({ length: Math.min(500, messagesCount - start) }, (_, k) => ({
      id: newId(),
      workspace_id: workspace.id,
      conversation_id: conversationId,
      channel_id: channelId,
      direction: 'outbound' as const,
      kind: 'text',
      body: `out ${start + k}`,
      content: '{"kind":"text"}',
      attachments: '[]',
      reply_to_message_id: null,
      provider_message_id: `wamid.out${start + k}`,
      client_id: null,
      delivery_state: 'sent' as const,
      error_code: null,
      error_detail: null,
      author_type: 'member' as const,
      author_member_id: null,
      created_at: now,
      updated_at: now,
    }));
    await db.kysely.insertInto('messages').values(rows).execute();
  }
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'packages/server/src/main.ts')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      META_APP_SECRET: SECRET,
      ENCRYPTION_KEY: 'bench-encryption-key-of-32-characters!!',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child);
    // read, delivered, sent, read again: deliberately out of order and duplicated.
    const bodies: string[] = [];
    for (let index = 0; index < messagesCount; index += 1) {
      for (const status of ['read', 'delivered', 'sent', 'read']) bodies.push(statusBody(index, status));
    }
    const result = await fire(url, bodies.slice(0, total), options.rate, options.durationS);
    const drainMs = await drain(db);
    const states = await db.kysely
      .selectFrom('messages')
      .select(['delivery_state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('direction', '=', 'outbound')
      .groupBy('delivery_state')
      .execute();
    const read = Number(states.find((row) => row.delivery_state === 'read')?.n ?? 0);
    return {
      scenario: 'status webhooks (shuffled, duplicated)',
      engine: options.engine,
      targetRate: options.rate,
      durationS: options.durationS,
      sent: result.requests.sent,
      acknowledged: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      achievedRate: Math.round(result.requests.total / result.duration),
      ackP50: result.latency.p50,
      ackP99: result.latency.p99,
      ackMax: result.latency.max,
      drainMs,
      stored: read,
      expected: messagesCount,
      lost: messagesCount - read,
      duplicates: 0,
      // The first status each message gets is `read`: anything not read at the end went backwards.
      backwards: states
        .filter((row) => row.delivery_state !== 'read')
        .reduce((sum, row) => sum + Number(row.n), 0),
    };
  } finally {
    child.kill('SIGTERM');
    await db.close();
  }
}

/** A table row for the bench report. */
export function formatIngest(result: IngestResult): string {
  return [
    result.scenario.padEnd(40),
    result.engine.padEnd(9),
    `${result.targetRate}/s`.padStart(7),
    `${result.achievedRate}/s`.padStart(7),
    `${result.acknowledged}/${result.sent}`.padStart(13),
    `${result.ackP50}`.padStart(6),
    `${result.ackP99}`.padStart(6),
    `${result.ackMax}`.padStart(6),
    `${result.drainMs}`.padStart(8),
    `${result.lost}`.padStart(5),
    `${result.duplicates}`.padStart(5),
    result.backwards === undefined ? '    -' : `${result.backwards}`.padStart(5),
  ].join(' | ');
}

export const INGEST_HEADER = [
  'scenario'.padEnd(40),
  'engine'.padEnd(9),
  'target'.padStart(7),
  'got'.padStart(7),
  'acked/sent'.padStart(13),
  'p50ms'.padStart(6),
  'p99ms'.padStart(6),
  'maxms'.padStart(6),
  'drainms'.padStart(8),
  'lost'.padStart(5),
  'dups'.padStart(5),
  'back'.padStart(5),
].join(' | ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
  };
  const engines = value('--engine', 'sqlite').split(',') as ('sqlite' | 'postgres')[];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const sustainedS = Number(value('--sustained', '30'));
  const burstS = Number(value('--burst', '60'));
  process.stdout.write(`${INGEST_HEADER}\n`);
  for (const engine of engines) {
    if (engine === 'postgres' && !pgUrl) {
      process.stdout.write('postgres: skipped (set BENCH_DATABASE_URL)\n');
      continue;
    }
    for (const [scenario, rate, duration] of [
      ['inbound texts, 5 % redelivered', 1000, sustainedS],
      ['inbound burst, 5 % redelivered', 3000, burstS],
    ] as const) {
      if (duration <= 0) continue;
      process.stdout.write(
        `${formatIngest(await runIngestScenario({ engine, rate, durationS: duration, pgUrl, scenario }))}\n`,
      );
    }
    process.stdout.write(
      `${formatIngest(await runStatusScenario({ engine, rate: 3000, durationS: Number(value('--statuses', '20')), pgUrl }))}\n`,
    );
  }
}
