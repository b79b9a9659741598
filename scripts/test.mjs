#!/usr/bin/env node
// `npm test`: unit tests, the integration suite on SQLite and on PostgreSQL, then the browser
// journeys. When DATABASE_URL/TEST_DATABASE_URL is not set, a throwaway PostgreSQL 15 cluster
// is started from /usr/lib/postgresql/15/bin (as the `postgres` user when run as root, since
// initdb refuses root) and removed afterwards.
import { spawn } from 'node:child_process';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

const onlyStages = (process.env.CHARLA_TEST_STAGES ?? 'unit,sqlite,postgres,e2e').split(',');

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
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
