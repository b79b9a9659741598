import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { assetsInputSchema } from '../assets/asset-registry.ts';
import { faultRuleSchema } from '../faults/fault-plan.ts';
import { OPERATIONS } from '../graph/graph-operation.ts';
import { InboundError } from '../inbound/inbound-customers.ts';
import type { InboundResult } from '../inbound/inbound-result.ts';
import { readBody, sendBytes, sendJson } from '../platform/http-io.ts';
import { type SandboxConfigPatch, sandboxConfigPatchSchema } from '../sandbox.config.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { SentFilter } from '../state/sandbox-state.ts';
import { webhookSettingsPatchSchema } from '../webhooks/webhook.sender.ts';

/** What the admin API needs from the running sandbox beyond the shared context. */
export interface SandboxControl {
  ctx: SandboxContext;
  summary(): Record<string, unknown>;
  configure(patch: SandboxConfigPatch): void;
  reset(options: { assets: boolean }): void;
  inbound(input: unknown): InboundResult;
}

const faultsBodySchema = z.union([
  faultRuleSchema,
  z.strictObject({
    rules: z.array(faultRuleSchema).optional(),
    webhooks: webhookSettingsPatchSchema.optional(),
  }),
]);

const sentQuerySchema = z.object({
  channel: z.enum(['whatsapp', 'messenger', 'instagram']).optional(),
  operation: z.enum(OPERATIONS).optional(),
  recipient: z.string().optional(),
  assetId: z.string().optional(),
  since: z.coerce.number().int().optional(),
});

function parseJson(raw: Buffer): unknown {
  return raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
}

function describeInbound(result: InboundResult): Record<string, unknown> {
  const { delivered: _delivered, ...rest } = result;
  return rest;
}

async function inboundEndpoint(control: SandboxControl, body: unknown, wait: boolean): Promise<unknown> {
  const batch =
    typeof body === 'object' && body !== null && 'batch' in body && Array.isArray(body.batch)
      ? body.batch
      : null;
  const results = (batch ?? [body]).map((input: unknown) => control.inbound(input));
  const described = await Promise.all(
    results.map(async (result) =>
      wait ? { ...describeInbound(result), delivery: await result.delivered } : describeInbound(result),
    ),
  );
  return batch ? { results: described } : described[0];
}

/** `/__sandbox/*`: configure, inspect and drive the sandbox (tests, demo, CLI). */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  control: SandboxControl,
): Promise<void> {
  const { ctx } = control;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  try {
    const body = parseJson(await readBody(req, 20 * 1024 * 1024));
    const route = `${method} ${path}`;
    if (route === 'GET /__sandbox') return sendJson(res, 200, control.summary());
    if (route === 'GET /__sandbox/assets') return sendJson(res, 200, { assets: ctx.assets.list() });
    if (route === 'POST /__sandbox/assets') {
      return sendJson(res, 200, {
        added: ctx.assets.add(assetsInputSchema.parse(body)),
        assets: ctx.assets.list(),
      });
    }
    if (route === 'GET /__sandbox/faults')
      return sendJson(res, 200, { rules: ctx.faults.list(), webhooks: ctx.sender.current });
    if (route === 'POST /__sandbox/faults') {
      const parsed = faultsBodySchema.parse(body);
      const added =
        'kind' in parsed
          ? [ctx.faults.add(parsed)]
          : (parsed.rules ?? []).map((rule) => ctx.faults.add(rule));
      if (!('kind' in parsed) && parsed.webhooks) ctx.sender.configure(parsed.webhooks);
      return sendJson(res, 200, { added, rules: ctx.faults.list(), webhooks: ctx.sender.current });
    }
    if (route === 'DELETE /__sandbox/faults') {
      ctx.faults.clear(url.searchParams.get('id') ?? undefined);
      return sendJson(res, 200, { rules: ctx.faults.list() });
    }
    if (route === 'GET /__sandbox/config') return sendJson(res, 200, control.summary());
    if (route === 'POST /__sandbox/config') {
      control.configure(sandboxConfigPatchSchema.parse(body));
      return sendJson(res, 200, control.summary());
    }
    if (route === 'GET /__sandbox/sent') {
      const filter: SentFilter = sentQuerySchema.parse(Object.fromEntries(url.searchParams));
      return sendJson(res, 200, { sent: ctx.state.sent(filter) });
    }
    if (route === 'GET /__sandbox/webhooks') return sendJson(res, 200, { deliveries: ctx.sender.recent() });
    if (route === 'POST /__sandbox/inbound') {
      return sendJson(
        res,
        200,
        await inboundEndpoint(control, body, url.searchParams.get('wait') === 'true'),
      );
    }
    if (route === 'POST /__sandbox/reset') {
      control.reset({ assets: z.object({ assets: z.boolean().default(false) }).parse(body).assets });
      return sendJson(res, 200, { reset: true });
    }
    if (route === 'POST /__sandbox/idle') {
      await ctx.tracker.idle();
      return sendJson(res, 200, { idle: true });
    }
    if (route === 'POST /__sandbox/verify-webhook') {
      const { verifyToken } = z.object({ verifyToken: z.string().min(1) }).parse(body);
      return sendJson(res, 200, await ctx.sender.verifyEndpoint(verifyToken));
    }
    if (route === 'GET /__sandbox/customers') {
      const whatsapp = [...ctx.state.waContacts].flatMap(([assetId, contacts]) =>
        [...contacts.values()].map((c) => ({ assetId, ...c })),
      );
      return sendJson(res, 200, {
        whatsapp,
        messaging: [...ctx.state.messagingCustomers.values()],
        comments: [...ctx.state.comments.values()],
      });
    }
    const media = /^\/__sandbox\/media\/([^/]+)(\/content)?$/.exec(path);
    if (method === 'GET' && media?.[1]) {
      const stored = ctx.media.get(decodeURIComponent(media[1]));
      if (!stored) return sendJson(res, 404, { error: { message: `No media ${media[1]}` } });
      if (media[2]) return sendBytes(res, 200, stored.bytes, stored.mimeType);
      const { bytes: _bytes, ...meta } = stored;
      return sendJson(res, 200, meta);
    }
    sendJson(res, 404, { error: { message: `No admin route ${route}` } });
  } catch (error) {
    if (error instanceof z.ZodError)
      return sendJson(res, 400, { error: { message: 'Invalid request', issues: error.issues } });
    if (error instanceof InboundError || error instanceof SyntaxError)
      return sendJson(res, 400, { error: { message: error.message } });
    ctx.log({ event: 'admin.crash', error: String(error) });
    sendJson(res, 500, { error: { message: String(error) } });
  }
}
