import path from 'node:path';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres.mjs';
import { REPO_ROOT } from './bench-database.ts';

/**
 * The bench's own cluster keeps PostgreSQL's durable defaults (fsync, synchronous_commit and
 * full_page_writes on), unlike the test cluster; only memory is sized for 1M messages.
 */
export const BENCH_POSTGRES_SETTINGS = [
  'shared_buffers=256MB',
  'effective_cache_size=1GB',
  'max_connections=100',
];

/** Where it lives between runs (git-ignored), so --reuse finds the seeded database again. */
const CLUSTER_DIR = path.join(REPO_ROOT, 'data/bench/postgres-cluster');

/** The PostgreSQL server to benchmark on: the given URL, or the bench's own cluster, started now. */
export async function benchPostgresServer(
  givenUrl: string | null,
): Promise<{ url: string; description: string; stop(): void }> {
  if (givenUrl) return { url: givenUrl, description: new URL(givenUrl).host, stop: () => {} };
  const cluster = await startThrowawayPostgres({ dir: CLUSTER_DIR, settings: BENCH_POSTGRES_SETTINGS });
  return {
    url: cluster.url,
    description: `PostgreSQL 15 cluster in data/bench/postgres-cluster (${BENCH_POSTGRES_SETTINGS.join(', ')}; fsync, synchronous_commit, full_page_writes on)`,
    stop: () => cluster.stop(),
  };
}
