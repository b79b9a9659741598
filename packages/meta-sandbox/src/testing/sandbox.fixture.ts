import { z } from 'zod';
import { DEMO_ASSETS } from '../assets/asset-registry.ts';
import type { InboundInput } from '../inbound/inbound-input.schema.ts';
import type { MetaSandbox } from '../sandbox.api.ts';
import { type MetaSandboxOptions, startMetaSandbox } from '../sandbox.server.ts';
import { metaWebhookSchema } from '../webhooks/webhook-envelope.schema.ts';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from '../webhooks/webhook-receiver.ts';

/** Tokens of the demo assets. */
export const TOKENS = {
  whatsapp: DEMO_ASSETS.whatsapp.token,
  page: DEMO_ASSETS.messenger.token,
  instagram: DEMO_ASSETS.instagram.token,
} as const;

/** The app secret tests sign with. */
export const TEST_APP_SECRET = 'test-app-secret';

/** One Graph call made by a test. */
export interface GraphCall {
  method?: string;
  token?: string | null;
  json?: unknown;
  form?: FormData;
}

/** What the Graph stand-in answered. */
export interface GraphAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A sandbox wired to a test webhook receiver, with helpers to call it and read what arrived. */
export interface SandboxFixture {
  sandbox: MetaSandbox;
  receiver: WebhookReceiver;
  graph(path: string, call?: GraphCall): Promise<GraphAnswer>;
  inbound(input: InboundInput): Promise<{ messageId: string; customerId: string; commentId?: string }>;
  close(): Promise<void>;
}

/** Starts a sandbox (seeded, fast retries) that delivers to a fresh receiver. */
export async function startSandboxFixture(
  options: MetaSandboxOptions = {},
  receiverOptions: Partial<WebhookReceiverOptions> = {},
): Promise<SandboxFixture> {
  const receiver = await startWebhookReceiver({ appSecret: TEST_APP_SECRET, ...receiverOptions });
  const sandbox = await startMetaSandbox({
    seed: 42,
    appSecret: TEST_APP_SECRET,
    webhookUrl: receiver.url,
    ...options,
    webhooks: { retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, ...options.webhooks },
  });
  return {
    sandbox,
    receiver,
    async graph(path, call = {}) {
      const headers: Record<string, string> = {};
      const token = call.token === undefined ? TOKENS.whatsapp : call.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (call.json !== undefined) headers['content-type'] = 'application/json';
      const url = path.startsWith('http') ? path : `${sandbox.graphUrl}${path}`;
      const res = await fetch(url, {
        method: call.method ?? (call.json === undefined && call.form === undefined ? 'GET' : 'POST'),
        headers,
        ...(call.form
          ? { body: call.form }
          : call.json === undefined
            ? {}
            : { body: JSON.stringify(call.json) }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: res.status, headers: res.headers, body };
    },
    async inbound(input) {
      const result = sandbox.inbound(input);
      await result.delivered;
      return {
        messageId: result.messageId ?? '',
        customerId: result.customerId,
        ...(result.commentId ? { commentId: result.commentId } : {}),
      };
    },
    async close() {
      await sandbox.close();
      await receiver.close();
    },
  };
}

/** A received webhook parsed against the wire-format schema (throws when it is not valid). */
export function parsed(webhook: ReceivedWebhook): z.output<typeof metaWebhookSchema> {
  return metaWebhookSchema.parse(webhook.body);
}

const statusShape = z.object({
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          value: z.object({
            statuses: z
              .array(
                z
                  .object({
                    id: z.string(),
                    status: z.string(),
                    errors: z
                      .array(
                        z.object({ code: z.number(), error_data: z.object({ details: z.string() }) }).loose(),
                      )
                      .optional(),
                  })
                  .loose(),
              )
              .optional(),
          }),
        }),
      ),
    }),
  ),
});

/** WhatsApp statuses in arrival order, flattened. */
export function statusesOf(
  webhooks: ReceivedWebhook[],
): { id: string; status: string; raw: Record<string, unknown> }[] {
  return webhooks.flatMap((w) => {
    const result = statusShape.safeParse(w.body);
    if (!result.success) return [];
    return result.data.entry.flatMap((e) =>
      e.changes.flatMap((c) => (c.value.statuses ?? []).map((s) => ({ id: s.id, status: s.status, raw: s }))),
    );
  });
}

/** Whether a webhook is a WhatsApp status about `messageId`. */
export const isStatusOf =
  (messageId: string) =>
  (webhook: ReceivedWebhook): boolean =>
    statusesOf([webhook]).some((s) => s.id === messageId);

const messagingShape = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z.array(z.object({ messaging: z.array(z.object({}).loose()) })),
});

/** Messenger/Instagram events in arrival order, with the name of their event key. */
export function messagingEventsOf(
  webhooks: ReceivedWebhook[],
): { kind: string; event: Record<string, unknown> }[] {
  return webhooks.flatMap((w) => {
    const result = messagingShape.safeParse(w.body);
    if (!result.success) return [];
    return result.data.entry.flatMap((e) =>
      e.messaging.map((event) => {
        const message = event.message;
        const echo = typeof message === 'object' && message !== null && 'is_echo' in message;
        const kind = echo
          ? 'echo'
          : (['message', 'delivery', 'read', 'postback', 'reaction', 'message_edit', 'referral'].find(
              (k) => k in event,
            ) ?? '?');
        return { kind, event };
      }),
    );
  });
}

/** Reads `path` of an unknown JSON value (tests only). */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (typeof current === 'object' && current !== null && typeof key === 'string') {
      current = Object.entries(current).find(([k]) => k === key)?.[1];
    } else return undefined;
  }
  return current;
}

/** Reads a string at `path`, failing the test when it is missing. */
export function pickString(value: unknown, ...path: (string | number)[]): string {
  const found = pick(value, ...path);
  if (typeof found !== 'string')
    throw new Error(`Expected a string at ${path.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}
