import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './bench-database.ts';
import { describeTarget, type Percentiles, verdict } from './bench-stats.ts';
import type { EngineResult, MeasureResult } from './query-bench.ts';

const COLUMNS = [
  ['measure', 56],
  ['n', 4],
  ['server p50/p95/p99 ms', 22],
  ['client p50/p95/p99 ms', 22],
  ['req/s', 6],
  ['RSS MB', 6],
  ['target', 26],
  ['result', 0],
] as const;

function row(cells: string[]): string {
  return cells.map((cell, index) => cell.padEnd(COLUMNS[index]?.[1] ?? 0)).join(' | ');
}

function triple(value: Percentiles): string {
  return [value.p50, value.p95, value.p99].map((ms) => ms.toFixed(1)).join(' / ');
}

/** The table header. */
export const QUERY_HEADER = row(COLUMNS.map(([title]) => title));

/** One measure as a table line; the verdict is on the server-side figures, as DESIGN.md states them. */
export function formatMeasure(result: MeasureResult): string {
  return row([
    result.name,
    String(result.samples),
    triple(result.server),
    triple(result.client),
    result.requestsPerSecond === null ? '-' : String(result.requestsPerSecond),
    String(result.rssMb),
    describeTarget(result.target),
    verdict(result.server, result.target),
  ]);
}

/** The lines under an engine's table: where, seed time, memory, and how many targets were met. */
export function formatEngineSummary(result: EngineResult): string {
  const targeted = result.measures.filter((measure) => measure.target !== null);
  const met = targeted.filter((measure) => verdict(measure.server, measure.target) === 'met').length;
  return [
    `  database: ${result.location}`,
    `  seeded in: ${result.seedSeconds === null ? 'reused (--reuse)' : `${result.seedSeconds.toFixed(1)} s`}`,
    `  server peak RSS: ${result.peakRssMb} MB`,
    `  machine load (1-min average) before / after: ${result.loadAverage.before.toFixed(2)} / ${result.loadAverage.after.toFixed(2)}`,
    `  targets met: ${met} of ${targeted.length}`,
  ].join('\n');
}

/** Writes bench/results/query-<time>.json (git-ignored) and returns its path. */
export function writeQueryResults(results: EngineResult[], context: Record<string, unknown>): string {
  const dir = path.join(REPO_ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `query-${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...context, results }, null, 2)}\n`);
  return file;
}
