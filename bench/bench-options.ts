import { parseArgs } from 'node:util';
import type { DatabaseEngine } from '../packages/server/src/db/client.ts';

/** What `npm run bench` measures and on what data. */
export interface BenchOptions {
  /** The query benchmark, the ingest benchmark (bench/ingest-bench.ts), or both in that order. */
  parts: BenchPart[];
  engines: DatabaseEngine[];
  /** Keep an already seeded benchmark database of the same size instead of seeding again. */
  reuse: boolean;
  customers: number;
  messages: number;
  seed: number;
  /** Timed requests per measure (after warm-up). */
  samples: number;
  /** Untimed requests per measure first, so caches and JIT are warm. */
  warmup: number;
  /** Stop timing a measure after this many seconds (with at least 20 samples): slow ones would take hours. */
  measureSeconds: number;
  /** Seconds of autocannon load per measure for requests/s; 0 skips it. */
  throughputSeconds: number;
  /** Server to create the PostgreSQL benchmark database on, or null to start the bench's own cluster. */
  postgresUrl: string | null;
}

export type BenchPart = 'query' | 'ingest';

/** How to call it. */
export const BENCH_USAGE = `Usage: npm run bench -- [--only query|ingest] [--engine sqlite|postgres|both] [--reuse]
       [--customers N] [--messages N] [--samples N] [--warmup N] [--measure-seconds N]
       [--throughput-seconds N] [--seed N]

Query benchmarks over HTTP against a seeded database (default 100,000 customers, 1,000,000
messages, kept in data/bench/; --reuse keeps a seeded one), then the webhook ingest benchmark.
PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL names a server the bench may create its own
databases on; without either, a PostgreSQL 15 cluster of its own is started in
data/bench/postgres-cluster. Results: tables, and bench/results/*.json.
Run it under \`flock /tmp/charla-bench.lock\` when others benchmark on the same machine.`;

function positive(value: string | undefined, flag: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(parsed) || parsed < min) throw new Error(`--${flag} must be an integer ≥ ${min}`);
  return parsed;
}

/** Parses the command line; throws with a readable message on a bad flag. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      engine: { type: 'string', default: 'both' },
      reuse: { type: 'boolean', default: false },
      customers: { type: 'string' },
      messages: { type: 'string' },
      samples: { type: 'string' },
      warmup: { type: 'string' },
      'throughput-seconds': { type: 'string' },
      'measure-seconds': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const engine = values.engine;
  if (engine !== 'sqlite' && engine !== 'postgres' && engine !== 'both') {
    throw new Error('--engine must be sqlite, postgres or both');
  }
  const only = values.only;
  if (only !== undefined && only !== 'query' && only !== 'ingest')
    throw new Error('--only must be query or ingest');
  const postgresUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL || null;
  return {
    parts: only ? [only] : ['query', 'ingest'],
    engines: engine === 'both' ? ['sqlite', 'postgres'] : [engine],
    reuse: values.reuse,
    customers: positive(values.customers, 'customers', 100_000),
    messages: positive(values.messages, 'messages', 1_000_000),
    seed: positive(values.seed, 'seed', 1124),
    samples: positive(values.samples, 'samples', 500, 10),
    warmup: positive(values.warmup, 'warmup', 50, 0),
    measureSeconds: positive(values['measure-seconds'], 'measure-seconds', 30),
    throughputSeconds: positive(values['throughput-seconds'], 'throughput-seconds', 3, 0),
    postgresUrl,
  };
}
