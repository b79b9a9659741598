import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listen } from '../platform/listen.ts';
import { signatureHeader } from './webhook-signer.ts';

/** One webhook as a receiver saw it. */
export interface ReceivedWebhook {
  raw: Buffer;
  body: unknown;
  signature: string | undefined;
  /** Whether `X-Hub-Signature-256` matched the raw bytes with the receiver's secret. */
  signatureValid: boolean;
  receivedAt: number;
}

/** Options of a test receiver. */
export interface WebhookReceiverOptions {
  /** Secret used to check signatures; unsigned or mismatching requests are still recorded. */
  appSecret: string;
  /** Status to answer with; a function lets a test fail the first N deliveries. */
  respondWith?: number | ((webhook: ReceivedWebhook, index: number) => number);
  /** Verify token for the GET handshake. */
  verifyToken?: string;
}

/** A minimal webhook endpoint for tests: records every POST and lets tests await them. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `count` webhooks matching `predicate` (default: all) have arrived. */
  waitFor(
    count: number,
    predicate?: (webhook: ReceivedWebhook) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 and an ephemeral port. */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET') {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const ok = url.searchParams.get('hub.verify_token') === options.verifyToken;
      res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
      res.end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'forbidden');
      return;
    }
    const raw = await readAll(req);
    const signature = req.headers['x-hub-signature-256'];
    const signatureText = Array.isArray(signature) ? signature[0] : signature;
    const webhook: ReceivedWebhook = {
      raw,
      body: safeParse(raw),
      signature: signatureText,
      signatureValid: signatureText === signatureHeader(raw, options.appSecret),
      receivedAt: Date.now(),
    };
    const index = received.length;
    received.push(webhook);
    const respond = options.respondWith ?? 200;
    res.writeHead(typeof respond === 'number' ? respond : respond(webhook, index));
    res.end();
    for (const wake of waiters) wake();
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/webhooks/meta`,
    received,
    waitFor(count, predicate = () => true, timeoutMs = 5000) {
      const matching = (): ReceivedWebhook[] => received.filter(predicate);
      if (matching().length >= count) return Promise.resolve(matching());
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (matching().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} webhooks, got ${matching().length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => closeServer(server),
  };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeParse(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
