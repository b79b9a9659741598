import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabaseFromConfig } from '../db/open-from-config.ts';
import { type SeedProgress, seedInbox } from './seed-inbox.ts';

const USAGE = `Usage: npm run seed -- [--customers N] [--messages N] [--workspace ID] [--seed N]

Fills the database the environment names (DATA_DIR → SQLite, or DATABASE_URL) with customers,
conversations and messages for the demo and the benchmarks, migrating it first.
  --customers N    customers to create (default 2000)
  --messages N     messages in total, at least one per conversation (default 20000)
  --workspace ID   add to this workspace; else a new "Demo" workspace with its members is created
  --seed N         seed of the generator: the same seed gives the same data (default random)`;

/** A positive integer flag. */
function count(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${flag} must be a positive integer`);
  return parsed;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** `npm run seed`: parses flags, migrates, seeds, prints progress, totals and time. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      messages: { type: 'string' },
      workspace: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const customers = count(values.customers, 'customers', 2000);
  const messages = count(values.messages, 'messages', 20_000);
  const seed = values.seed === undefined ? randomInt(1, 2 ** 31) : count(values.seed, 'seed', 1);

  const config = loadConfig();
  const db = openDatabaseFromConfig(config);
  try {
    const where = db.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
    process.stdout.write(
      `Seeding ${formatCount(customers)} customers and ${formatCount(messages)} messages into ${where}, seed ${seed}\n`,
    );
    await migrateToLatest(db);
    let lastPrinted = 0;
    const report = (progress: SeedProgress) => {
      const done = progress.customers === customers;
      if (!done && progress.elapsedMs - lastPrinted < 2000) return;
      lastPrinted = progress.elapsedMs;
      const rate = Math.round(progress.messages / Math.max(0.001, progress.elapsedMs / 1000));
      process.stdout.write(
        `  ${formatCount(progress.customers)}/${formatCount(customers)} customers · ${formatCount(progress.conversations)} conversations · ${formatCount(progress.messages)} messages · ${(progress.elapsedMs / 1000).toFixed(1)} s (${formatCount(rate)} messages/s)\n`,
      );
    };
    const result = await seedInbox(
      db,
      { customers, messages, seed, ...(values.workspace ? { workspaceId: values.workspace } : {}) },
      report,
    );
    process.stdout.write(
      `Done in ${(result.elapsedMs / 1000).toFixed(1)} s: workspace ${result.workspaceId}, ${result.channels} channels, ${formatCount(result.customers)} customers, ${formatCount(result.conversations)} conversations, ${formatCount(result.messages)} messages.\n`,
    );
    if (result.longestThread) {
      process.stdout.write(
        `Longest thread: conversation ${result.longestThread.conversationId} (${formatCount(result.longestThread.messages)} messages).\n`,
      );
    }
    if (result.createdAdmin) {
      process.stdout.write(
        `Sign in as ${result.createdAdmin.email} with password ${result.createdAdmin.password} (shown once; the seeded agents and supervisors, …@demo.charla.test, share it).\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
