// A PostgreSQL 15 cluster of our own, for `npm test` (removed afterwards) and `npm run bench`
// (kept in a directory so a seeded benchmark database survives between runs). Binaries come
// from PG_BIN (default /usr/lib/postgresql/15/bin); initdb refuses root, so as root every
// PostgreSQL binary runs as the `postgres` user.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** For tests: nothing needs to survive a crash, so skip every flush. */
export const FAST_SETTINGS = [
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=300',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function asRoot() {
  return process.getuid?.() === 0;
}

/** Runs a PostgreSQL binary, as `postgres` when we are root; returns its result. */
function pgRun(binary, args) {
  const full = path.join(PG_BIN, binary);
  return asRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
    : spawnSync(full, args, { encoding: 'utf8' });
}

function pgCommand(binary, args) {
  const result = pgRun(binary, args);
  if (result.status !== 0) {
    throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  }
  return result.stdout;
}

/** A directory the `postgres` user owns (it holds the cluster and its socket). */
function prepareDirectory(dir) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  if (asRoot()) spawnSync('chown', ['postgres:postgres', dir]);
}

/**
 * Starts a cluster on 127.0.0.1 and a free port, with `settings` (postgresql.conf lines such as
 * `fsync=off`). With `dir`, the cluster lives there and is kept when stopped (a second start
 * reuses it); without, it goes in a temporary directory removed by `stop()`.
 * Resolves with the URL of its `postgres` database (user `charla`, trust auth) and `stop()`.
 */
export async function startThrowawayPostgres({ dir, settings = FAST_SETTINGS } = {}) {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const keep = dir !== undefined;
  const root = keep ? path.resolve(dir) : mkdtempSync(path.join(tmpdir(), 'charla-pg-'));
  prepareDirectory(root);
  const dataDir = path.join(root, 'data');
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    pgCommand('initdb', ['-D', dataDir, '-U', 'charla', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  } else if (pgRun('pg_ctl', ['-D', dataDir, 'status']).status === 0) {
    // Left running by an earlier run that was killed: stop it so it starts with our settings.
    pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  }
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    ...settings.map((setting) => `-c ${setting}`),
  ].join(' ');
  pgCommand('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(root, 'postgres.log'), '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://charla@127.0.0.1:${port}/postgres`,
    settings,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgCommand('pg_ctl', ['-D', dataDir, '-m', keep ? 'fast' : 'immediate', '-w', 'stop']);
      } finally {
        if (!keep) rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
