/** Percentiles of a set of timings, and how they compare with a DESIGN.md target. */

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** A target from DESIGN.md "Performance", in milliseconds. */
export interface LatencyTarget {
  p95: number;
  p99?: number;
}

/** Nearest-rank percentiles (no interpolation: every figure is a time that was measured). */
export function percentiles(timings: readonly number[]): Percentiles {
  if (timings.length === 0) throw new Error('no timings to summarise');
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** "p95 ≤ 10 ms, p99 ≤ 25 ms"; "-" without a target. */
export function describeTarget(target: LatencyTarget | null): string {
  if (!target) return '-';
  const parts = [`p95 ≤ ${target.p95} ms`];
  if (target.p99 !== undefined) parts.push(`p99 ≤ ${target.p99} ms`);
  return parts.join(', ');
}

/** "met", or by how much each missed percentile is over, e.g. "p95 3.1 ms over"; "-" without a target. */
export function verdict(measured: Percentiles, target: LatencyTarget | null): string {
  if (!target) return '-';
  const over: string[] = [];
  if (measured.p95 > target.p95) over.push(`p95 ${(measured.p95 - target.p95).toFixed(1)} ms over`);
  if (target.p99 !== undefined && measured.p99 > target.p99) {
    over.push(`p99 ${(measured.p99 - target.p99).toFixed(1)} ms over`);
  }
  return over.length === 0 ? 'met' : over.join(', ');
}
