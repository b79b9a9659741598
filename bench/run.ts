/**
 * `npm run bench`: the query benchmark (list, counts, search, thread on a seeded database) on
 * SQLite and PostgreSQL, then the webhook ingest benchmark (bench/ingest-bench.ts, run as its
 * own process). Prints tables; writes bench/results/*.json.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { prepareBenchDatabase, REPO_ROOT } from './bench-database.ts';
import { BENCH_USAGE, type BenchOptions, parseBenchOptions } from './bench-options.ts';
import { benchPostgresServer } from './bench-postgres.ts';
import { type EngineResult, runQueryBench } from './query-bench.ts';
import { formatEngineSummary, formatMeasure, QUERY_HEADER, writeQueryResults } from './query-report.ts';

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function runQueryPart(options: BenchOptions): Promise<void> {
  const results: EngineResult[] = [];
  for (const engine of options.engines) {
    print(`\n▶ query benchmark on ${engine}: ${options.customers} customers, ${options.messages} messages`);
    const database = await prepareBenchDatabase(engine, options);
    if (!database) continue;
    print(QUERY_HEADER);
    const result = await runQueryBench(database, options, (measure) => print(formatMeasure(measure)));
    print(formatEngineSummary(result));
    results.push(result);
  }
  const file = writeQueryResults(results, {
    date: new Date().toISOString(),
    machine: machine(),
    options: { ...options, postgresUrl: options.postgresUrl ? '(set)' : null },
  });
  print(`\nResults written to ${path.relative(REPO_ROOT, file)}`);
}

/** The ingest benchmark in its own process, on the same engines and PostgreSQL server. */
function runIngestPart(options: BenchOptions): Promise<void> {
  print(`\n▶ ingest benchmark on ${options.engines.join(', ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO_ROOT, 'bench/ingest-bench.ts'),
        '--engine',
        options.engines.join(','),
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...(options.postgresUrl ? { BENCH_DATABASE_URL: options.postgresUrl } : {}) },
        stdio: 'inherit',
      },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the ingest benchmark exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseBenchOptions>;
  try {
    parsed = parseBenchOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${BENCH_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed === 'help') {
    print(BENCH_USAGE);
    return;
  }
  print(`npm run bench ${process.argv.slice(2).join(' ')}`.trim());
  print(`machine: ${machine()}`);
  const postgres = parsed.engines.includes('postgres') ? await benchPostgresServer(parsed.postgresUrl) : null;
  const stop = () => postgres?.stop();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  if (postgres) print(`PostgreSQL: ${postgres.description}`);
  const options = { ...parsed, postgresUrl: postgres?.url ?? null };
  try {
    if (options.parts.includes('query')) await runQueryPart(options);
    if (options.parts.includes('ingest')) await runIngestPart(options);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
