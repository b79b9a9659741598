import type { BenchActor } from './bench-fixtures.ts';
import { BENCH_SAMPLE_HEADER } from './bench-server-protocol.ts';

/** One API call as the benchmark made it: the parsed answer and the time the client waited. */
export interface TimedAnswer {
  body: unknown;
  /** From sending the request to having the whole body parsed, in ms. */
  ms: number;
}

/** GETs an API path as `actor` (bearer API key, kept-alive connection); a non-200 answer throws. */
export async function timedGet(baseUrl: string, path: string, actor: BenchActor): Promise<TimedAnswer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${actor.apiKey}`, [BENCH_SAMPLE_HEADER]: '1' },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) {
    throw new Error(`GET ${path} as ${actor.label} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return { body: JSON.parse(text), ms };
}
