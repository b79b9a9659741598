import type { SandboxControl } from './admin/admin.routes.ts';
import type {
  Asset,
  AssetsInput,
  InstagramAsset,
  MessengerAsset,
  WhatsAppAsset,
} from './assets/asset-registry.ts';
import type { FaultRule, FaultRuleInput } from './faults/fault-plan.ts';
import { sendInbound } from './inbound/inbound.service.ts';
import type { InboundInput } from './inbound/inbound-input.schema.ts';
import type { InboundResult } from './inbound/inbound-result.ts';
import type { StoredMedia } from './media/media-store.ts';
import type { SandboxConfigPatch } from './sandbox.config.ts';
import type { SandboxContext } from './sandbox.context.ts';
import {
  type CustomerSimulator,
  createCustomerSimulator,
  type SimulatorOptions,
} from './simulator/customer-simulator.ts';
import type { SentFilter, SentRecord } from './state/sandbox-state.ts';
import type { StatusPlan, StatusPlanPatch } from './statuses/status-plan.ts';
import type { WebhookDelivery, WebhookSettings, WebhookSettingsPatch } from './webhooks/webhook.sender.ts';

/** A running sandbox, as `startMetaSandbox` returns it. */
export interface MetaSandbox {
  /** `http://127.0.0.1:<port>`: admin API at `/__sandbox`, CDN at `/cdn`. */
  url: string;
  /** What Charla's `META_GRAPH_URL` should be, e.g. `http://127.0.0.1:4000/v21.0`. */
  graphUrl: string;
  port: number;
  assets: {
    list(): Asset[];
    add(input: AssetsInput): Asset[];
    /** The first WhatsApp number (the demo one unless replaced). */
    whatsapp(): WhatsAppAsset;
    messenger(): MessengerAsset;
    instagram(): InstagramAsset;
  };
  faults: {
    /** Adds a Graph-side fault rule (5xx, throttle, window-closed, delay, drop-response…). */
    add(rule: FaultRuleInput): FaultRule;
    list(): FaultRule[];
    clear(id?: string): void;
    /** Webhook-side faults: copies, shuffle, concurrency, delay. */
    webhooks(patch: WebhookSettingsPatch): WebhookSettings;
  };
  statuses: { get(): StatusPlan; set(patch: StatusPlanPatch): StatusPlan };
  sent: {
    list(filter?: SentFilter): SentRecord[];
    /** Resolves with the first accepted call (past or future) matching the predicate. */
    waitFor(predicate: (record: SentRecord) => boolean, timeoutMs?: number): Promise<SentRecord>;
  };
  webhooks: {
    configure(patch: WebhookSettingsPatch): WebhookSettings;
    settings(): WebhookSettings;
    recent(): WebhookDelivery[];
    /** Performs Meta's GET verification handshake against the webhook URL. */
    verify(verifyToken: string): Promise<{ status: number; body: string; verified: boolean }>;
  };
  /** Makes a simulated customer act; the signed webhook goes to Charla. */
  inbound(input: InboundInput): InboundResult;
  media: { get(id: string): StoredMedia | undefined; list(): StoredMedia[] };
  /** A customer simulator feeding this sandbox in-process. */
  simulator(options?: SimulatorOptions): CustomerSimulator;
  configure(patch: SandboxConfigPatch): void;
  /** Resolves once no webhook or status chain is pending. */
  idle(): Promise<void>;
  /** Forgets customers, sends, media, faults and deliveries (assets too with `{assets: true}`). */
  reset(options?: { assets?: boolean }): void;
  close(): Promise<void>;
}

interface ApiParts {
  ctx: SandboxContext;
  control: SandboxControl;
  url: string;
  graphUrl: string;
  port: number;
  close: () => Promise<void>;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`No ${what} asset is configured`);
  return value;
}

/** Wraps the sandbox internals in the public library surface. */
export function buildSandboxApi({ ctx, control, url, graphUrl, port, close }: ApiParts): MetaSandbox {
  return {
    url,
    graphUrl,
    port,
    assets: {
      list: () => ctx.assets.list(),
      add: (input) => ctx.assets.add(input),
      whatsapp: () => required(ctx.assets.first('whatsapp'), 'WhatsApp'),
      messenger: () => required(ctx.assets.first('messenger'), 'Messenger'),
      instagram: () => required(ctx.assets.first('instagram'), 'Instagram'),
    },
    faults: {
      add: (rule) => ctx.faults.add(rule),
      list: () => ctx.faults.list(),
      clear: (id) => ctx.faults.clear(id),
      webhooks: (patch) => ctx.sender.configure(patch),
    },
    statuses: {
      get: () => ({ ...ctx.config.statuses }),
      set: (patch) => {
        control.configure({ statuses: patch });
        return { ...ctx.config.statuses };
      },
    },
    sent: {
      list: (filter) => ctx.state.sent(filter),
      waitFor: (predicate, timeoutMs) => ctx.state.waitForSent(predicate, timeoutMs),
    },
    webhooks: {
      configure: (patch) => ctx.sender.configure(patch),
      settings: () => ctx.sender.current,
      recent: () => ctx.sender.recent(),
      verify: (token) => ctx.sender.verifyEndpoint(token),
    },
    inbound: (input) => sendInbound(ctx, input),
    media: { get: (id) => ctx.media.get(id), list: () => ctx.media.list() },
    simulator: (options) =>
      createCustomerSimulator(async (input) => {
        const result = sendInbound(ctx, input);
        await result.delivered;
      }, options),
    configure: (patch) => control.configure(patch),
    idle: () => ctx.tracker.idle(),
    reset: (options) => control.reset({ assets: options?.assets ?? false }),
    close,
  };
}
