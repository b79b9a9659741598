import { createServer } from 'node:http';
import { handleAdminRequest, type SandboxControl } from './admin/admin.routes.ts';
import { AssetRegistry, type AssetsInput, DEMO_ASSETS } from './assets/asset-registry.ts';
import { FaultPlan } from './faults/fault-plan.ts';
import { handleGraphRequest } from './graph/graph.router.ts';
import { sendInbound } from './inbound/inbound.service.ts';
import { serveCdn } from './media/media.handler.ts';
import { MediaStore } from './media/media-store.ts';
import { sendBytes, sendJson } from './platform/http-io.ts';
import { IdleTracker } from './platform/idle-tracker.ts';
import { type LogSink, silentSink } from './platform/json-log.ts';
import { closeServer, listen } from './platform/listen.ts';
import { createMetaIds } from './platform/meta-ids.ts';
import { createRandom } from './platform/random.ts';
import { TimerScope } from './platform/timer-scope.ts';
import { buildSandboxApi, type MetaSandbox } from './sandbox.api.ts';
import { type SandboxConfigPatch, sandboxConfigPatchSchema } from './sandbox.config.ts';
import type { SandboxConfig, SandboxContext } from './sandbox.context.ts';
import { SandboxState } from './state/sandbox-state.ts';
import { StatusEmitter } from './statuses/status-emitter.ts';
import { applyStatusPlan, DEFAULT_STATUS_PLAN, type StatusPlanPatch } from './statuses/status-plan.ts';
import {
  DEFAULT_WEBHOOK_SETTINGS,
  WebhookSender,
  type WebhookSettingsPatch,
} from './webhooks/webhook.sender.ts';

/** Options of `startMetaSandbox`. Every one has a default suited to tests. */
export interface MetaSandboxOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Charla's webhook endpoint, e.g. `http://127.0.0.1:3000/webhooks/meta`; without it webhooks are skipped. */
  webhookUrl?: string | null;
  /** Secret that signs webhooks for assets without their own; default `sandbox-app-secret`. */
  appSecret?: string;
  /** Version segment of `graphUrl`; any `vNN.N` is answered. Default `v21.0`. */
  graphVersion?: string;
  /** Start with `DEMO_ASSETS` (default true). */
  defaultAssets?: boolean;
  /** More assets to configure at start. */
  assets?: AssetsInput;
  /** 24 h window enforcement; default `async` (Cloud API behaviour). */
  windowEnforcement?: SandboxConfig['windowEnforcement'];
  /** Status webhooks after each send; default sent → delivered → read at once. */
  statuses?: StatusPlanPatch;
  /** Webhook delivery and webhook-side faults. */
  webhooks?: WebhookSettingsPatch;
  /** Lifetime of media URLs; default 5 minutes. */
  mediaUrlTtlMs?: number;
  /** `app_id` of echoes; default 1517776481860111. */
  appId?: number;
  /** Seed of every random choice (ids, personas, probabilities, shuffles). */
  seed?: number;
  /** Source of "now" in epoch ms; default `Date.now`. */
  clock?: () => number;
  /** Receives one line per Graph call and webhook; default silent. */
  log?: LogSink;
}

/**
 * Starts the Meta sandbox: a Graph API stand-in at `graphUrl`, a signed-webhook sender towards
 * `webhookUrl`, the `/__sandbox` admin API and a customer simulator.
 */
export async function startMetaSandbox(options: MetaSandboxOptions = {}): Promise<MetaSandbox> {
  const random = createRandom(options.seed);
  const clock = options.clock ?? Date.now;
  const log = options.log ?? silentSink;
  const timers = new TimerScope();
  const tracker = new IdleTracker();
  const assets = new AssetRegistry(options.appSecret ?? 'sandbox-app-secret');
  if (options.defaultAssets !== false) assets.add(DEMO_ASSETS);
  if (options.assets) assets.add(options.assets);
  const sender = new WebhookSender(DEFAULT_WEBHOOK_SETTINGS, { random, timers, tracker, log, clock });
  sender.configure({ ...options.webhooks, url: options.webhookUrl ?? options.webhooks?.url ?? null });
  const config: SandboxConfig = {
    windowEnforcement: options.windowEnforcement ?? 'async',
    statuses: applyStatusPlan(DEFAULT_STATUS_PLAN, options.statuses),
    appId: options.appId ?? 1517776481860111,
    mediaUrlTtlMs: options.mediaUrlTtlMs ?? 5 * 60_000,
  };
  let baseUrl = '';
  const ctx: SandboxContext = {
    assets,
    state: new SandboxState(),
    media: new MediaStore(),
    faults: new FaultPlan(random),
    sender,
    statuses: new StatusEmitter({ sender, timers, tracker, random, clock }, () => config.appId),
    ids: createMetaIds(random),
    random,
    timers,
    tracker,
    log,
    clock,
    config,
    baseUrl: () => baseUrl,
  };
  const graphVersion = options.graphVersion ?? 'v21.0';

  const control: SandboxControl = {
    ctx,
    summary: () => ({
      name: 'meta-sandbox',
      url: baseUrl,
      graphUrl: `${baseUrl}/${graphVersion}`,
      config: ctx.config,
      webhooks: ctx.sender.current,
      assets: ctx.assets.list(),
      faults: ctx.faults.list(),
      counts: {
        sent: ctx.state.sent().length,
        webhooks: ctx.sender.recent().length,
        media: ctx.media.list().length,
        comments: ctx.state.comments.size,
      },
    }),
    configure: (patch: SandboxConfigPatch) => {
      const p = sandboxConfigPatchSchema.parse(patch);
      if (p.webhookUrl !== undefined) ctx.sender.configure({ url: p.webhookUrl });
      if (p.webhooks) ctx.sender.configure(p.webhooks);
      if (p.appSecret) ctx.assets.setDefaultAppSecret(p.appSecret);
      if (p.windowEnforcement) ctx.config.windowEnforcement = p.windowEnforcement;
      if (p.statuses) ctx.config.statuses = applyStatusPlan(ctx.config.statuses, p.statuses);
      if (p.appId) ctx.config.appId = p.appId;
      if (p.mediaUrlTtlMs) ctx.config.mediaUrlTtlMs = p.mediaUrlTtlMs;
    },
    reset: ({ assets: resetAssets }) => {
      ctx.state.reset();
      ctx.media.reset();
      ctx.faults.clear();
      ctx.sender.reset();
      if (resetAssets) {
        ctx.assets.clear();
        if (options.defaultAssets !== false) ctx.assets.add(DEMO_ASSETS);
        if (options.assets) ctx.assets.add(options.assets);
      }
    },
    inbound: (input: unknown) => sendInbound(ctx, input),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl || 'http://127.0.0.1');
    const done = (error: unknown): void => {
      log({ event: 'crash', error: String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'sandbox crashed' } });
    };
    if (url.pathname.startsWith('/__sandbox'))
      return void handleAdminRequest(req, res, url, control).catch(done);
    if (url.pathname.startsWith('/cdn/')) {
      const answer = serveCdn(url, ctx);
      if ('bytes' in answer)
        return sendBytes(res, answer.status, answer.bytes, answer.contentType, answer.headers);
      return sendJson(res, answer.status, answer.json, answer.headers);
    }
    if (url.pathname === '/' && req.method === 'GET') return sendJson(res, 200, control.summary());
    void handleGraphRequest(req, res, url, ctx).catch(done);
  });
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return buildSandboxApi({
    ctx,
    control,
    url: baseUrl,
    graphUrl: `${baseUrl}/${graphVersion}`,
    port,
    close: async () => {
      ctx.sender.close();
      ctx.timers.close();
      await closeServer(server);
    },
  });
}
