import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { GraphMessageSender } from './channels/graph-message-sender.ts';
import type { MessageSender } from './channels/message-sender.ts';
import type { Config } from './config/config.ts';
import { sendMessageJob } from './conversations/send-message.job.ts';
import { blockOnWhatsAppJob } from './customers/block-on-whatsapp.job.ts';
import { fetchProfileJob } from './customers/fetch-profile.job.ts';
import type { Db } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabaseFromConfig } from './db/open-from-config.ts';
import { inTransaction } from './db/transaction.ts';
import type { AppDeps } from './http/deps.ts';
import { JobWorker } from './jobs/job-worker.ts';
import { downloadMediaJob } from './media/download-media.job.ts';
import { LocalMediaStorage, type MediaStorage } from './media/media-storage.ts';
import { importOrdersJob } from './orders/import-orders.job.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createSecretBox, loadEncryptionKey } from './platform/secret-box.ts';
import { KeyedRateLimiter } from './platform/token-bucket.ts';
import { fireReminderJob } from './reminders/fire-reminder.job.ts';
import { BatchedWriter } from './webhooks/batched-writer.ts';
import { insertWebhookEvents, type WebhookEventRow } from './webhooks/webhook-events.repo.ts';
import { WebhookProcessor } from './webhooks/webhook-processor.ts';
import { WebhookSecrets } from './webhooks/webhook-secrets.ts';

/** A running Charla: the app (if this process serves HTTP), its dependencies and a stop switch. */
export interface Runtime {
  deps: AppDeps;
  app: FastifyInstance | null;
  /** The address the HTTP server listens on, when it does. */
  url: string | null;
  stop(): Promise<void>;
}

/** Assembles the dependencies every role shares. */
export function createDeps(
  config: Config,
  overrides: {
    db?: Db;
    clock?: Clock;
    logger?: Logger;
    sender?: MessageSender;
    mediaStorage?: MediaStorage;
  } = {},
): AppDeps {
  const logger = overrides.logger ?? createLogger(config);
  const db = overrides.db ?? openDatabaseFromConfig(config);
  const clock = overrides.clock ?? systemClock;
  const secretBox = createSecretBox(loadEncryptionKey(config));
  const mediaStorage = overrides.mediaStorage ?? new LocalMediaStorage(path.join(config.dataDir, 'media'));
  const sender =
    overrides.sender ??
    new GraphMessageSender(
      config.META_GRAPH_URL,
      secretBox,
      clock,
      async (mediaId) => {
        const row = await db.kysely
          .selectFrom('media')
          .selectAll()
          .where('id', '=', mediaId)
          .executeTakeFirstOrThrow();
        return {
          bytes: await mediaStorage.get(row.storage_key),
          mimeType: row.mime_type,
          fileName: row.file_name,
        };
      },
      new KeyedRateLimiter(config.META_SEND_RATE_PER_SECOND),
    );
  const webhookProcessor = new WebhookProcessor(db, clock, logger);
  const webhookWriter = new BatchedWriter<WebhookEventRow>((rows) =>
    inTransaction(db, (trx) => insertWebhookEvents(trx, rows)),
  );
  return {
    config,
    db,
    clock,
    logger,
    sender,
    secretBox,
    mediaStorage,
    webhookSecrets: new WebhookSecrets(db, secretBox, config.META_APP_SECRET),
    webhookProcessor,
    async storeWebhook(row) {
      await webhookWriter.write(row);
      webhookProcessor.wake();
    },
    worker: new JobWorker(db, clock, logger, [
      sendMessageJob({ db, clock, sender }),
      downloadMediaJob({ db, clock, secretBox, mediaStorage, graphUrl: config.META_GRAPH_URL }),
      fetchProfileJob({ db, clock, secretBox, graphUrl: config.META_GRAPH_URL }),
      blockOnWhatsAppJob({ db, secretBox, graphUrl: config.META_GRAPH_URL }),
      importOrdersJob({ db, clock }),
      fireReminderJob({ db, clock }),
    ]),
    loginThrottle: new LoginThrottle(config.LOGIN_RATE_LIMIT_PER_MINUTE),
  };
}

/** Migrates the database and starts the roles the configuration asks for (http, worker). */
export async function startRuntime(config: Config): Promise<Runtime> {
  const deps = createDeps(config);
  const applied = await migrateToLatest(deps.db);
  if (applied.length > 0) deps.logger.info({ applied }, 'migrations applied');

  let app: FastifyInstance | null = null;
  let url: string | null = null;
  if (config.ROLES.includes('http')) {
    app = await buildApp(deps);
    url = await app.listen({ port: config.PORT, host: config.HOST });
  }
  if (config.ROLES.includes('worker')) {
    deps.worker.start();
    deps.webhookProcessor.start();
  }

  return {
    deps,
    app,
    url,
    async stop() {
      await app?.close();
      await deps.worker.stop();
      await deps.webhookProcessor.stop();
      await deps.db.close();
    },
  };
}
