import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { InboundInput } from './inbound/inbound-input.schema.ts';
import { jsonLinesSink } from './platform/json-log.ts';
import { startMetaSandbox } from './sandbox.server.ts';
import { createCustomerSimulator, type SimulatedChannel } from './simulator/customer-simulator.ts';

const HELP = `meta-sandbox: a local stand-in for Meta's Graph API and webhooks

  meta-sandbox serve [options]
    --port N              listen port (META_SANDBOX_PORT, default 4000)
    --host H              bind address (META_SANDBOX_HOST, default 127.0.0.1)
    --webhook-url URL     Charla's webhook endpoint (META_SANDBOX_WEBHOOK_URL)
    --app-secret S        secret signing webhooks (META_APP_SECRET, default sandbox-app-secret)
    --graph-version V     version in the printed graphUrl (default v21.0)
    --window MODE         24 h window: async | sync | off (default async)
    --status-delay-ms N   wait between sent, delivered and read (default 400)
    --seed N              replayable randomness
    --simulate-rate R     also run the customer simulator at R actions per second
    --channels LIST       simulator channels (whatsapp,messenger,instagram)

  meta-sandbox simulate [options]
    --sandbox-url URL     running sandbox (META_SANDBOX_URL, default http://127.0.0.1:4000)
    --rate R              actions per second (default 1)
    --count N | --duration 60s
    --channels LIST       whatsapp,messenger,instagram (default all)
    --customers N         customer pool size (default 25)
    --locale es|en|mixed  language of the customers (default mixed)
    --no-comments         no public comments
    --seed N

Both print one JSON object per line.
`;

const channelsSchema = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(['whatsapp', 'messenger', 'instagram'])).min(1));

const durationSchema = z
  .string()
  .regex(/^\d+(ms|s|m)?$/, 'use e.g. 500ms, 60s or 2m')
  .transform((text) => {
    const value = Number.parseInt(text, 10);
    return text.endsWith('ms')
      ? value
      : text.endsWith('m')
        ? value * 60_000
        : text.endsWith('s')
          ? value * 1000
          : value;
  });

const print = jsonLinesSink();

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'webhook-url': { type: 'string' },
      'app-secret': { type: 'string' },
      'graph-version': { type: 'string' },
      window: { type: 'string' },
      'status-delay-ms': { type: 'string' },
      seed: { type: 'string' },
      'simulate-rate': { type: 'string' },
      channels: { type: 'string' },
    },
  });
  const env = process.env;
  const options = z
    .object({
      port: z.coerce.number().int().min(0).max(65535),
      host: z.string(),
      webhookUrl: z.url().optional(),
      appSecret: z.string().min(1),
      graphVersion: z.string().regex(/^v\d+\.\d+$/),
      window: z.enum(['async', 'sync', 'off']),
      statusDelayMs: z.coerce.number().int().min(0),
      seed: z.coerce.number().int().optional(),
      simulateRate: z.coerce.number().positive().optional(),
      channels: channelsSchema.optional(),
    })
    .parse({
      port: values.port ?? env.META_SANDBOX_PORT ?? 4000,
      host: values.host ?? env.META_SANDBOX_HOST ?? '127.0.0.1',
      webhookUrl: values['webhook-url'] ?? env.META_SANDBOX_WEBHOOK_URL,
      appSecret: values['app-secret'] ?? env.META_APP_SECRET ?? 'sandbox-app-secret',
      graphVersion: values['graph-version'] ?? 'v21.0',
      window: values.window ?? 'async',
      statusDelayMs: values['status-delay-ms'] ?? 400,
      seed: values.seed,
      simulateRate: values['simulate-rate'],
      channels: values.channels,
    });
  const sandbox = await startMetaSandbox({
    port: options.port,
    host: options.host,
    webhookUrl: options.webhookUrl ?? null,
    appSecret: options.appSecret,
    graphVersion: options.graphVersion,
    windowEnforcement: options.window,
    statuses: { stepDelayMs: options.statusDelayMs },
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    log: print,
  });
  print({
    event: 'listening',
    url: sandbox.url,
    graphUrl: sandbox.graphUrl,
    webhookUrl: options.webhookUrl ?? null,
    assets: sandbox.assets.list(),
  });
  const simulator =
    options.simulateRate === undefined
      ? undefined
      : sandbox.simulator({
          ratePerSecond: options.simulateRate,
          ...(options.channels ? { channels: options.channels } : {}),
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        });
  void simulator?.run().then((report) => print({ event: 'simulation.done', ...report }));
  const shutdown = (): void => {
    simulator?.stop();
    void sandbox.close().then(() => {
      print({ event: 'closed' });
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function simulate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'sandbox-url': { type: 'string' },
      rate: { type: 'string' },
      count: { type: 'string' },
      duration: { type: 'string' },
      channels: { type: 'string' },
      customers: { type: 'string' },
      locale: { type: 'string' },
      'no-comments': { type: 'boolean' },
      seed: { type: 'string' },
    },
  });
  const options = z
    .object({
      sandboxUrl: z.url(),
      rate: z.coerce.number().positive(),
      count: z.coerce.number().int().positive().optional(),
      duration: durationSchema.optional(),
      channels: channelsSchema.optional(),
      customers: z.coerce.number().int().positive().optional(),
      locale: z.enum(['es', 'en', 'mixed']).optional(),
      seed: z.coerce.number().int().optional(),
    })
    .parse({
      sandboxUrl: values['sandbox-url'] ?? process.env.META_SANDBOX_URL ?? 'http://127.0.0.1:4000',
      rate: values.rate ?? 1,
      count: values.count,
      duration: values.duration,
      channels: values.channels,
      customers: values.customers,
      locale: values.locale,
      seed: values.seed,
    });
  const endpoint = new URL('/__sandbox/inbound', options.sandboxUrl);
  const sink = async (input: InboundInput): Promise<void> => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body: unknown = await res.json();
    print({ event: res.ok ? 'inbound' : 'inbound.failed', status: res.status, input, result: body });
    if (!res.ok) throw new Error(`inbound answered ${res.status}`);
  };
  const channels: SimulatedChannel[] | undefined = options.channels;
  const simulator = createCustomerSimulator(sink, {
    ratePerSecond: options.rate,
    comments: values['no-comments'] !== true,
    ...(options.count === undefined ? {} : { count: options.count }),
    ...(options.duration === undefined ? {} : { durationMs: options.duration }),
    ...(channels ? { channels } : {}),
    ...(options.customers === undefined ? {} : { customers: options.customers }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  process.once('SIGINT', () => simulator.stop());
  const report = await simulator.run();
  print({ event: 'simulation.done', ...report });
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(rest);
  else if (command === 'simulate') await simulate(rest);
  else {
    process.stdout.write(HELP);
    if (command !== 'help' && command !== '--help' && command !== undefined) process.exitCode = 1;
  }
} catch (error) {
  const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
  print({ event: 'error', message });
  process.exitCode = 1;
}
