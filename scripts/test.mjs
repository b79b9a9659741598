#!/usr/bin/env node
// `npm test`: unit tests, the integration suite on SQLite and on PostgreSQL, then the browser
// journeys. When DATABASE_URL/TEST_DATABASE_URL is not set, a throwaway PostgreSQL 15 cluster
// is started from /usr/lib/postgresql/15/bin (as the `postgres` user when run as root, since
// initdb refuses root) and removed afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const onlyStages = (process.env.CHARLA_TEST_STAGES ?? 'unit,sqlite,postgres,e2e').split(',');

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

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

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function pgCommand(binary, args) {
  const full = path.join(PG_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
    : spawnSync(full, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  }
  return result.stdout;
}

async function startThrowawayPostgres() {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'charla-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  pgCommand('initdb', ['-D', dataDir, '-U', 'charla', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  pgCommand('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'postgres.log'), '-w', 'start']);
  return {
    url: `postgres://charla@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        pgCommand('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const failures = [];
async function stage(name, command, args, env) {
  if (!onlyStages.includes(name)) return;
  process.stdout.write(`\n▶ ${name}\n`);
  const code = await run(command, args, env);
  if (code !== 0) failures.push(name);
}

await stage('unit', 'npx', ['vitest', 'run', '--project', 'unit'], {});
await stage('sqlite', 'npx', ['vitest', 'run', '--project', 'integration'], { CHARLA_TEST_DB: 'sqlite' });

if (onlyStages.includes('postgres')) {
  let cluster = null;
  let url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  try {
    if (!url) {
      cluster = await startThrowawayPostgres();
      url = cluster.url;
    }
    await stage('postgres', 'npx', ['vitest', 'run', '--project', 'integration'], {
      CHARLA_TEST_DB: 'postgres',
      TEST_DATABASE_URL: url,
    });
  } catch (error) {
    process.stderr.write(`PostgreSQL stage could not start: ${error.message}\n`);
    failures.push('postgres');
  } finally {
    cluster?.stop();
  }
}

await stage('e2e', 'npm', ['run', 'test:e2e'], {});

process.stdout.write(
  failures.length === 0 ? '\n✔ every stage passed\n' : `\n✘ failed stages: ${failures.join(', ')}\n`,
);
process.exit(failures.length === 0 ? 0 : 1);
