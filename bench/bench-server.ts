/**
 * The server under test, in its own process so its memory and CPU are its own: the real app
 * (`buildApp` with `createDeps` from the environment), HTTP role only, on 127.0.0.1 and a free
 * port. It reports its address, and on request its RSS and how long it spent on each request
 * (Fastify's elapsed time from the request arriving to the response being written).
 */
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config/config.ts';
import { createDeps } from '../packages/server/src/runtime.ts';
import { BENCH_SAMPLE_HEADER, type BenchServerMessage, benchCommandSchema } from './bench-server-protocol.ts';

function send(message: BenchServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    // Request logging is not what is being measured; warnings and errors still show.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    ROLES: 'http',
  });
  const deps = createDeps(config);
  const app = await buildApp(deps, { webDistDir: '/nonexistent' });
  let timings: number[] = [];
  // Requests whose response is not finished: a load generator that stops mid-request closes
  // the connection, so 'close' (finished or abandoned) is what ends one, not onResponse.
  const inFlight = new Set<string>();
  app.addHook('onRequest', async (request, reply) => {
    inFlight.add(request.id);
    reply.raw.once('close', () => inFlight.delete(request.id));
  });
  app.addHook('onResponse', async (request, reply) => {
    // Only the benchmark's timed requests: not a straggler of the previous measure's load.
    if (request.headers[BENCH_SAMPLE_HEADER] !== undefined) timings.push(reply.elapsedTime);
  });
  /** Resolves once no request is being handled: load from the previous measure has drained. */
  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  process.on('message', (raw) => {
    const command = benchCommandSchema.parse(raw);
    if (command.type === 'reset') {
      void idle().then(() => {
        timings = [];
        send({ type: 'reset' });
      });
    } else if (command.type === 'stats') {
      send({ type: 'stats', rss: process.memoryUsage().rss, timings });
    } else {
      void idle()
        .then(() => app.close())
        .then(() => deps.db.close())
        .finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', url });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
