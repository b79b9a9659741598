import { ConfigError, loadConfig } from './config/config.ts';
import { startRuntime } from './runtime.ts';

/** `npm start`: read the environment, migrate, serve HTTP and run the job worker. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const runtime = await startRuntime(config);
  const logger = runtime.deps.logger;
  const shownUrl = runtime.url?.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  logger.info(
    { url: shownUrl, engine: runtime.deps.db.engine, dataDir: config.dataDir, roles: config.ROLES },
    `Charla is running${shownUrl ? ` at ${shownUrl}` : ''}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
