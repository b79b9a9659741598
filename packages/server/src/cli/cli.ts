import { parseArgs } from 'node:util';
import { emailSchema, nameSchema, passwordSchema } from '@charla/contracts';
import { z } from 'zod';
import { presentApiKey } from '../auth/api-keys.routes.ts';
import { createApiKey } from '../auth/commands/create-api-key.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabaseFromConfig } from '../db/open-from-config.ts';
import { systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { requeueWebhookEvents } from '../webhooks/webhook-events.repo.ts';
import { WebhookProcessor } from '../webhooks/webhook-processor.ts';
import { createWorkspace } from '../workspaces/commands/create-workspace.ts';
import { presentMember, presentWorkspace } from '../workspaces/workspaces.presenter.ts';
import { findFirstAdmin, findWorkspace } from '../workspaces/workspaces.repo.ts';

const USAGE = `Usage: charla <command> [options]

Commands:
  migrate                                   apply pending database migrations
  workspace create --name N --admin-email E --admin-password P [--admin-name A] [--time-zone TZ]
  api-key create --workspace ID --name N    create an API key acting as the workspace's first admin
  webhooks replay [--id ID]                 process stored webhooks again: all failed ones, or one

Options:
  --json    print the result as JSON on stdout
The database comes from the same environment as the server (DATA_DIR, DATABASE_URL).`;

/** A problem with the command line, reported without a stack trace. */
class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' },
  'admin-email': { type: 'string' },
  'admin-password': { type: 'string' },
  'admin-name': { type: 'string' },
  'time-zone': { type: 'string' },
  workspace: { type: 'string' },
  id: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function required(schema: z.ZodType<string>, value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`--${flag} is required`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function run(command: string, values: Values, db: Db): Promise<{ result: unknown; text: string }> {
  const now = Date.now();
  switch (command) {
    case 'migrate': {
      const applied = await migrateToLatest(db);
      return {
        result: { applied },
        text: applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
      };
    }
    case 'workspace create': {
      const email = required(emailSchema, values['admin-email'], 'admin-email');
      const timeZone = values['time-zone'] ?? 'America/Mexico_City';
      if (!Intl.supportedValuesOf('timeZone').includes(timeZone) && timeZone !== 'UTC') {
        throw new UsageError(`--time-zone ${timeZone} is not an IANA time zone`);
      }
      await migrateToLatest(db);
      const { workspace, admin } = await createWorkspace(db, now, {
        workspaceName: required(nameSchema, values.name, 'name'),
        adminEmail: email,
        adminPassword: required(passwordSchema, values['admin-password'], 'admin-password'),
        adminName: values['admin-name']
          ? required(nameSchema, values['admin-name'], 'admin-name')
          : (email.split('@')[0] ?? email),
        timeZone,
      });
      return {
        result: { workspace: presentWorkspace(workspace), admin: presentMember(admin) },
        text: `Created workspace ${workspace.name} (${workspace.id}) with admin ${admin.email}.`,
      };
    }
    case 'api-key create': {
      const workspaceId = required(z.string().min(1), values.workspace, 'workspace');
      const name = required(nameSchema, values.name, 'name');
      await migrateToLatest(db);
      if (!(await findWorkspace(db.kysely, workspaceId)))
        throw new UsageError(`workspace ${workspaceId} does not exist`);
      const admin = await findFirstAdmin(db.kysely, workspaceId);
      if (!admin) throw new UsageError(`workspace ${workspaceId} has no active admin for the key to act as`);
      const { row, secret } = await createApiKey(db, { workspaceId, memberId: admin.id, name, now });
      return {
        result: { apiKey: presentApiKey(row), secret },
        text: `API key ${row.name} created. Keep this secret, it is shown only once:\n${secret}`,
      };
    }
    case 'webhooks replay': {
      await migrateToLatest(db);
      const requeued = await requeueWebhookEvents(db.kysely, values.id ? [values.id] : 'all-failed');
      const processor = new WebhookProcessor(db, systemClock, createLogger({ LOG_LEVEL: 'warn' }));
      const processed = await processor.drain();
      const stillFailed = await db.kysely
        .selectFrom('webhook_events')
        .select(['id', 'error'])
        .where('status', '=', 'failed')
        .execute();
      return {
        result: { requeued, processed, failed: stillFailed },
        text: `Requeued ${requeued}, processed ${processed}; ${stillFailed.length} still failed${stillFailed.map((row) => `\n  ${row.id}: ${row.error}`).join('')}`,
      };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const fail = (message: string, code: number) => {
    if (values.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    process.stderr.write(`charla: ${message}\n`);
    return code;
  };

  let db: Db;
  try {
    db = openDatabaseFromConfig(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : String(error), 1);
  }
  try {
    const { result, text } = await run(positionals.join(' '), values, db);
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2);
    if (error instanceof AppError) return fail(`${error.code}: ${error.message}`, 1);
    return fail(error instanceof Error ? error.message : String(error), 1);
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
