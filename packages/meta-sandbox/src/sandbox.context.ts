import type { AssetRegistry } from './assets/asset-registry.ts';
import type { FaultPlan } from './faults/fault-plan.ts';
import type { MediaStore } from './media/media-store.ts';
import type { IdleTracker } from './platform/idle-tracker.ts';
import type { LogSink } from './platform/json-log.ts';
import type { MetaIds } from './platform/meta-ids.ts';
import type { RandomSource } from './platform/random.ts';
import type { TimerScope } from './platform/timer-scope.ts';
import type { SandboxState } from './state/sandbox-state.ts';
import type { StatusEmitter } from './statuses/status-emitter.ts';
import type { StatusPlan } from './statuses/status-plan.ts';
import type { WebhookSender } from './webhooks/webhook.sender.ts';

/** Behaviour switches that can change while the sandbox runs (`POST /__sandbox/config`). */
export interface SandboxConfig {
  /**
   * The 24 h customer-service window: `async` accepts a free-form send outside it and follows
   * with a `failed` 131047 status (Cloud API behaviour), `sync` answers 131047 at once, `off`
   * allows everything. Messenger/Instagram answer code 10 synchronously unless `off`.
   */
  windowEnforcement: 'async' | 'sync' | 'off';
  /** Status webhooks after each send. */
  statuses: StatusPlan;
  /** `app_id` in Messenger/Instagram echoes. */
  appId: number;
  /** Lifetime of media download URLs (Meta: 5 minutes). */
  mediaUrlTtlMs: number;
}

/** Everything request handlers and services share inside one sandbox. */
export interface SandboxContext {
  assets: AssetRegistry;
  state: SandboxState;
  media: MediaStore;
  faults: FaultPlan;
  sender: WebhookSender;
  statuses: StatusEmitter;
  ids: MetaIds;
  random: RandomSource;
  timers: TimerScope;
  tracker: IdleTracker;
  log: LogSink;
  clock: () => number;
  config: SandboxConfig;
  /** `http://host:port` of the sandbox, for media and CDN URLs. */
  baseUrl: () => string;
}
