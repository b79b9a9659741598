/**
 * Webhook ingest benchmark (`npm run bench -- --only ingest`, or standalone:
 * `node --import tsx bench/ingest-bench.ts --engine sqlite,postgres [--sustained S] [--burst S]
 * [--statuses S] [--realtime S] [--sockets N] [--memory-sockets N]`). A real Charla process on
 * SQLite or PostgreSQL (BENCH_DATABASE_URL); signed WhatsApp webhooks fired by autocannon at a
 * fixed rate, then a check that every acknowledged message is stored exactly once and that no
 * delivery state moved backwards; and the webhook → WebSocket latency with agents connected.
 * Reports; never asserts. A duration of 0 skips that scenario.
 */
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import { newId } from '../packages/server/src/platform/ids.ts';
import { fire, messageBody, statusBody } from './ingest-payloads.ts';
import { type RealtimeResult, runRealtimeScenario } from './ingest-realtime.ts';
import { CharlaProcess, drain, type Engine, freshDatabase, seedWorkspace } from './ingest-server.ts';

export interface IngestResult {
  scenario: string;
  engine: Engine;
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
  /** From the last request answered to the last stored body applied. */
  drainMs: number;
  stored: number;
  expected: number;
  lost: number;
  duplicates: number;
  backwards?: number;
}

function loadFigures(result: autocannon.Result) {
  return {
    sent: result.requests.sent,
    acknowledged: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    achievedRate: Math.round(result.requests.total / result.duration),
    ackP50: result.latency.p50,
    ackP99: result.latency.p99,
    ackMax: result.latency.max,
  };
}

/** Inbound messages at `rate`/s for `durationS` s, 5 % of them redelivered. */
export async function runIngestScenario(options: {
  engine: Engine;
  rate: number;
  durationS: number;
  pgUrl?: string;
  scenario: string;
}): Promise<IngestResult> {
  const { db, env } = await freshDatabase(options.engine, options.pgUrl);
  await seedWorkspace(db);
  const server = await CharlaProcess.start(env);
  try {
    const total = options.rate * options.durationS;
    const unique = Math.round(total * 0.95);
    // Every 20th delivery repeats an earlier message: Meta's redeliveries.
    const bodies = Array.from({ length: total }, (_, i) =>
      messageBody(i % 20 === 19 ? Math.floor(i / 2) % unique : Math.min(i, unique - 1)),
    );
    const expectedIds = new Set(bodies.map((body) => /wamid\.bench\d+/.exec(body)?.[0]));
    const result = await fire(server.url, bodies, options.rate, options.durationS);
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
      ...loadFigures(result),
      drainMs,
      stored: Number(stored.n),
      expected: expectedIds.size,
      lost: expectedIds.size - Number(stored.distinct),
      duplicates: Number(stored.n) - Number(stored.distinct),
    };
  } finally {
    await server.stop();
    await db.close();
  }
}

/** `count` outbound messages `wamid.out<i>` in one conversation, as if sent and accepted by Meta. */
async function seedSentMessages(db: Awaited<ReturnType<typeof freshDatabase>>['db'], count: number) {
  const { workspaceId, channelId } = await seedWorkspace(db);
  const now = Date.now();
  const customerId = newId();
  const conversationId = newId();
  await db.kysely
    .insertInto('customers')
    .values({
      id: customerId,
      workspace_id: workspaceId,
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
      workspace_id: workspaceId,
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
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => ({
      id: newId(),
      workspace_id: workspaceId,
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
}

/** Status webhooks (read, delivered, sent, read again per message: out of order, duplicated). */
export async function runStatusScenario(options: {
  engine: Engine;
  rate: number;
  durationS: number;
  pgUrl?: string;
}): Promise<IngestResult> {
  const { db, env } = await freshDatabase(options.engine, options.pgUrl);
  const total = options.rate * options.durationS;
  const messagesCount = Math.ceil(total / 4);
  await seedSentMessages(db, messagesCount);
  const server = await CharlaProcess.start(env);
  try {
    const bodies: string[] = [];
    for (let index = 0; index < messagesCount; index += 1) {
      for (const status of ['read', 'delivered', 'sent', 'read']) bodies.push(statusBody(index, status));
    }
    const result = await fire(server.url, bodies.slice(0, total), options.rate, options.durationS);
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
      ...loadFigures(result),
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
    await server.stop();
    await db.close();
  }
}

function table(header: string[], widths: number[], rows: string[][]): string {
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join(' | ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** The ingest table: one row per scenario and engine. */
export function formatIngest(results: IngestResult[]): string {
  return table(
    [
      'scenario',
      'engine',
      'target',
      'got',
      'acked/sent',
      'p50ms',
      'p99ms',
      'maxms',
      'drainms',
      'lost',
      'dups',
      'back',
    ],
    [40, 8, 7, 7, 13, 6, 6, 6, 8, 5, 5, 5],
    results.map((r) => [
      r.scenario,
      r.engine,
      `${r.targetRate}/s`,
      `${r.achievedRate}/s`,
      `${r.acknowledged}/${r.sent}`,
      `${r.ackP50}`,
      `${r.ackP99}`,
      `${r.ackMax}`,
      `${r.drainMs}`,
      `${r.lost}`,
      `${r.duplicates}`,
      r.backwards === undefined ? '-' : `${r.backwards}`,
    ]),
  );
}

/** The webhook → WebSocket table. */
export function formatRealtime(results: RealtimeResult[]): string {
  return table(
    [
      'webhook → socket',
      'engine',
      'rate',
      'sockets',
      'acked/sent',
      'frames',
      'p50ms',
      'p99ms',
      'maxms',
      'RSS MB',
    ],
    [16, 8, 6, 7, 13, 17, 6, 6, 7, 14],
    results.map((r) => [
      `${r.durationS} s`,
      r.engine,
      `${r.rate}/s`,
      `${r.sockets}`,
      `${r.acknowledged}/${r.sent}`,
      `${r.receivedFrames}/${r.expectedFrames}`,
      `${r.latencyP50}`,
      `${r.latencyP99}`,
      `${r.latencyMax}`,
      `${r.peakRssMb} (${r.memorySockets} ws)`,
    ]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'sqlite' },
      sustained: { type: 'string', default: '30' },
      burst: { type: 'string', default: '60' },
      statuses: { type: 'string', default: '20' },
      realtime: { type: 'string', default: '20' },
      sockets: { type: 'string', default: '50' },
      'memory-sockets': { type: 'string', default: '200' },
    },
  });
  const number = (flag: keyof typeof values) => {
    const parsed = Number(values[flag]);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${flag} must be a whole number ≥ 0`);
    return parsed;
  };
  const engines = String(values.engine).split(',');
  for (const engine of engines) {
    if (engine !== 'sqlite' && engine !== 'postgres')
      throw new Error('--engine must be sqlite, postgres or both, comma-separated');
  }
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const ingest: IngestResult[] = [];
  const realtime: RealtimeResult[] = [];
  for (const engine of engines as Engine[]) {
    if (engine === 'postgres' && !pgUrl) {
      process.stdout.write('postgres: skipped (set BENCH_DATABASE_URL)\n');
      continue;
    }
    const report = (line: string) => process.stdout.write(`  [ingest ${engine}] ${line}\n`);
    for (const [scenario, rate, durationS] of [
      ['inbound texts, 5 % redelivered', 1000, number('sustained')],
      ['inbound burst, 5 % redelivered', 3000, number('burst')],
    ] as const) {
      if (durationS === 0) continue;
      const result = await runIngestScenario({ engine, rate, durationS, pgUrl, scenario });
      ingest.push(result);
      report(`${scenario}: ${result.achievedRate}/s, ack p99 ${result.ackP99} ms, lost ${result.lost}`);
    }
    if (number('statuses') > 0) {
      const result = await runStatusScenario({ engine, rate: 3000, durationS: number('statuses'), pgUrl });
      ingest.push(result);
      report(`statuses: ${result.achievedRate}/s, backwards ${result.backwards}`);
    }
    if (number('realtime') > 0) {
      const result = await runRealtimeScenario({
        engine,
        rate: 500,
        durationS: number('realtime'),
        sockets: number('sockets'),
        memorySockets: number('memory-sockets'),
        pgUrl,
      });
      realtime.push(result);
      report(
        `webhook → socket p50 ${result.latencyP50} ms, p99 ${result.latencyP99} ms, RSS ${result.peakRssMb} MB`,
      );
    }
  }
  process.stdout.write(`\n${formatIngest(ingest)}\n\n${formatRealtime(realtime)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `ingest bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
