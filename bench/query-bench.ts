/**
 * The query benchmark for one engine: the real app in its own process on a seeded database,
 * each measure warmed up, then timed request by request (Fastify's elapsed time on the server,
 * and what this client waited), then optionally loaded with autocannon for requests/s.
 * Reports; never asserts.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { timedGet } from './bench-client.ts';
import type { BenchDatabase } from './bench-database.ts';
import { loadBenchFixtures } from './bench-fixtures.ts';
import type { BenchOptions } from './bench-options.ts';
import { BenchServerProcess } from './bench-server-process.ts';
import { type LatencyTarget, type Percentiles, percentiles } from './bench-stats.ts';
import { prepareQueryMeasures, type QueryMeasure } from './query-measures.ts';

export interface MeasureResult {
  name: string;
  target: LatencyTarget | null;
  samples: number;
  server: Percentiles;
  client: Percentiles;
  /** Requests per second under `throughputSeconds` of autocannon load, or null when skipped. */
  requestsPerSecond: number | null;
  /** Server RSS after the timed requests, in MB. */
  rssMb: number;
}

export interface EngineResult {
  engine: BenchDatabase['engine'];
  location: string;
  seedSeconds: number | null;
  measures: MeasureResult[];
  /** Highest server RSS seen, in MB. */
  peakRssMb: number;
  /** The machine's 1-minute load average before and after: others share these 2 cores. */
  loadAverage: { before: number; after: number };
}

const THROUGHPUT_CONNECTIONS = 8;

async function requestsPerSecond(baseUrl: string, measure: QueryMeasure, seconds: number): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: THROUGHPUT_CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${measure.actor.apiKey}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const path = measure.paths[next % measure.paths.length] ?? '/';
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${measure.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
  }
  return Math.round(result.requests.average);
}

/** At least this many timed requests per measure, whatever the time limit. */
const MIN_SAMPLES = 20;

async function runMeasure(
  server: BenchServerProcess,
  measure: QueryMeasure,
  options: BenchOptions,
): Promise<MeasureResult> {
  const path = (i: number) => measure.paths[i % measure.paths.length] ?? '';
  const warmupDeadline = performance.now() + (options.measureSeconds * 1000) / 4;
  for (let i = 0; i < options.warmup && performance.now() < warmupDeadline; i += 1) {
    await timedGet(server.url, path(i), measure.actor);
  }
  await server.reset();
  const client: number[] = [];
  const deadline = performance.now() + options.measureSeconds * 1000;
  while (client.length < options.samples && (client.length < MIN_SAMPLES || performance.now() < deadline)) {
    client.push((await timedGet(server.url, path(client.length), measure.actor)).ms);
  }
  const { rss, timings } = await server.stats();
  if (timings.length !== client.length) {
    throw new Error(
      `${measure.name}: the server timed ${timings.length} requests, the client made ${client.length}`,
    );
  }
  return {
    name: measure.name,
    target: measure.target,
    samples: client.length,
    server: percentiles(timings),
    client: percentiles(client),
    requestsPerSecond:
      options.throughputSeconds > 0
        ? await requestsPerSecond(server.url, measure, options.throughputSeconds)
        : null,
    rssMb: Math.round(rss / 1024 / 1024),
  };
}

/** Runs every query measure against `database`, printing a line as each finishes. */
export async function runQueryBench(
  database: BenchDatabase,
  options: BenchOptions,
  onMeasure: (result: MeasureResult) => void,
): Promise<EngineResult> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const db = database.open();
  const fixtures = await loadBenchFixtures(db, options.seed).finally(() => db.close());
  const server = await BenchServerProcess.start(database.env);
  try {
    const measures = await prepareQueryMeasures(server.url, fixtures);
    const results: MeasureResult[] = [];
    for (const measure of measures) {
      const result = await runMeasure(server, measure, options);
      results.push(result);
      onMeasure(result);
    }
    const { rss } = await server.stats();
    return {
      engine: database.engine,
      location: database.location,
      seedSeconds: database.seedSeconds,
      measures: results,
      peakRssMb: Math.max(Math.round(rss / 1024 / 1024), ...results.map((result) => result.rssMb)),
      loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
    };
  } finally {
    await server.stop();
  }
}
