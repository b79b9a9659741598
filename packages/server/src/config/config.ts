import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable Charla reads, in one schema. The README's configuration table is
 * checked against `CONFIG_VARIABLES` by a test, so the two cannot drift.
 */
export const CONFIG_VARIABLES = {
  /** HTTP port the server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to bind. Use 0.0.0.0 in containers. */
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded SQLite database and stored media. */
  DATA_DIR: z.string().default('./data'),
  /** `postgres://…` to use PostgreSQL; empty for the embedded SQLite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), {
      message: 'must be a postgres:// or postgresql:// URL, or empty for SQLite',
    }),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** `production` turns on secure cookies; `development` pretty logs; `test` quiet defaults. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL (scheme + host) used for links and the webhook URL shown to admins. */
  PUBLIC_URL: z.url().optional(),
  /** Extra origins allowed to open the realtime socket and send cookie writes, comma separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** How long a sign-in lasts without activity, in hours. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Mark the session cookie `Secure` (needs HTTPS); on by default when PUBLIC_URL is https. */
  COOKIE_SECURE: booleanFromEnv.optional(),
  /** Failed sign-ins allowed per client address and e-mail within a minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** 32+ character secret that encrypts channel tokens at rest; generated into DATA_DIR if unset. */
  ENCRYPTION_KEY: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** Default app secret that signs Meta webhooks (a channel may set its own). */
  META_APP_SECRET: z.string().optional(),
  /** Token Meta echoes back in the webhook verification handshake. */
  META_VERIFY_TOKEN: z.string().optional(),
  /** Base URL of the Graph API, version included; the Meta sandbox sets its own. */
  META_GRAPH_URL: z.url().default('https://graph.facebook.com/v21.0'),
  /** Most messages per second sent through one WhatsApp number, Page or Instagram account (per process). */
  META_SEND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
  /** Which roles this process runs: `http`, `worker`, or both (comma separated). */
  ROLES: z
    .string()
    .default('http,worker')
    .transform((value) => value.split(',').map((role) => role.trim()))
    .pipe(z.array(z.enum(['http', 'worker'])).min(1)),
};

export const configSchema = z.object(CONFIG_VARIABLES);

/** The validated configuration, with derived values. */
export type Config = z.infer<typeof configSchema> & {
  /** Absolute DATA_DIR. */
  dataDir: string;
  /** `sqlite` unless DATABASE_URL is a postgres URL. */
  databaseEngine: 'sqlite' | 'postgres';
  cookieSecure: boolean;
};

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  return {
    ...values,
    dataDir: path.resolve(values.DATA_DIR),
    databaseEngine: values.DATABASE_URL ? 'postgres' : 'sqlite',
    cookieSecure: values.COOKIE_SECURE ?? values.PUBLIC_URL?.startsWith('https://') ?? false,
  };
}
