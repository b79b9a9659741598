import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { MessageSender } from '../channels/message-sender.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { JobWorker } from '../jobs/job-worker.ts';
import type { MediaStorage } from '../media/media-storage.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { WebhookEventRow } from '../webhooks/webhook-events.repo.ts';
import type { WebhookProcessor } from '../webhooks/webhook-processor.ts';
import type { WebhookSecrets } from '../webhooks/webhook-secrets.ts';

/** What the app is built from. Tests pass their own database, clock and worker. */
export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  worker: JobWorker;
  loginThrottle: LoginThrottle;
  /** Delivers outbound messages (the Graph API adapter, or a fake in tests). */
  sender: MessageSender;
  /** Where file bytes live (DATA_DIR/media by default). */
  mediaStorage: MediaStorage;
  /** Seals channel tokens and app secrets at rest. */
  secretBox: SecretBox;
  /** App secrets that may sign webhooks, cached by routing id. */
  webhookSecrets: WebhookSecrets;
  /** Processes stored webhook bodies (the worker role starts it). */
  webhookProcessor: WebhookProcessor;
  /** Durably stores a webhook body (group-committed with concurrent ones) and wakes the processor. */
  storeWebhook(row: WebhookEventRow): Promise<void>;
}
