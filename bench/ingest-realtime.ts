/**
 * Webhook → WebSocket latency: agents signed in through POST /api/v1/auth/login hold sockets on
 * /api/v1/realtime while inbound messages arrive at a fixed rate; for every socket and message,
 * the time from sending the webhook to its `message.created` frame arriving. Then more sockets
 * join and the server's RSS is sampled under the same load.
 */
import http from 'node:http';
import { WebSocket } from 'ws';
import type { Db } from '../packages/server/src/db/client.ts';
import { hashPassword } from '../packages/server/src/platform/crypto.ts';
import { newId } from '../packages/server/src/platform/ids.ts';
import { insertMember } from '../packages/server/src/workspaces/workspaces.repo.ts';
import { messageBody, messageIndexIn, signatureOf } from './ingest-payloads.ts';
import { CharlaProcess, drain, type Engine, freshDatabase, seedWorkspace } from './ingest-server.ts';

export interface RealtimeResult {
  engine: Engine;
  rate: number;
  durationS: number;
  sockets: number;
  sent: number;
  acknowledged: number;
  /** Frames expected: sockets × new messages. */
  expectedFrames: number;
  receivedFrames: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  /** Sockets open during the memory phase, and the highest RSS seen then (MB). */
  memorySockets: number;
  peakRssMb: number;
}

const AGENT_PASSWORD = 'bench-agent-password';

/** `count` agents who see every unassigned chat, each with a password to sign in with. */
async function createAgents(db: Db, workspaceId: string, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(AGENT_PASSWORD);
  const now = Date.now();
  const emails: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `agent${index}-${now}@bench.charla.test`;
    await insertMember(db.kysely, {
      id: newId(),
      workspace_id: workspaceId,
      name: `Agente ${index}`,
      email,
      password_hash: passwordHash,
      role: 'agent',
      assigned_only: 0,
      availability: 'available',
      active: 1,
      created_at: now,
      updated_at: now,
    });
    emails.push(email);
  }
  return emails;
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: AGENT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login of ${email} answered ${response.status}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  return cookie.join('; ');
}

/** An agent's socket; `onFrame` sees every text frame. Resolves once `hello` arrived. */
function openSocket(url: string, cookie: string, onFrame: (frame: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/realtime`, {
      headers: { cookie, origin: url },
    });
    let greeted = false;
    socket.on('message', (data) => {
      const frame = data.toString();
      if (!greeted && frame.includes('"hello"')) {
        greeted = true;
        resolve(socket);
        return;
      }
      onFrame(frame);
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_request, response) =>
      reject(new Error(`socket refused with ${response.statusCode}`)),
    );
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;
}

/** Sends message webhooks `first…first+count-1` at `rate`/s, noting when each left. */
async function sendPaced(
  url: string,
  first: number,
  count: number,
  rate: number,
  sentAt: Map<number, number>,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(`${url}/webhooks/meta`);
  const started = performance.now();
  let acknowledged = 0;
  const inFlight: Promise<void>[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const due = started + (offset * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const index = first + offset;
    const body = messageBody(index);
    sentAt.set(index, performance.now());
    inFlight.push(
      new Promise<void>((resolve) => {
        const request = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'x-hub-signature-256': signatureOf(body),
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            if (response.statusCode === 200) acknowledged += 1;
            response.resume();
            response.on('end', resolve);
          },
        );
        request.on('error', () => resolve());
        request.end(body);
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return acknowledged;
}

export async function runRealtimeScenario(options: {
  engine: Engine;
  rate: number;
  durationS: number;
  sockets: number;
  memorySockets: number;
  pgUrl?: string;
}): Promise<RealtimeResult> {
  const { db, env } = await freshDatabase(options.engine, options.pgUrl);
  const { workspaceId } = await seedWorkspace(db);
  const emails = await createAgents(db, workspaceId, Math.max(options.sockets, options.memorySockets));
  const server = await CharlaProcess.start(env);
  const sockets: WebSocket[] = [];
  try {
    const cookies = await Promise.all(emails.map((email) => signIn(server.url, email)));
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let measuring = true;
    const measure = (frame: string) => {
      if (!measuring || !frame.includes('"message.created"')) return;
      const index = messageIndexIn(frame);
      const sent = index === null ? undefined : sentAt.get(index);
      if (sent !== undefined) latencies.push(performance.now() - sent);
    };
    for (const cookie of cookies.slice(0, options.sockets))
      sockets.push(await openSocket(server.url, cookie, measure));

    const count = options.rate * options.durationS;
    const acknowledged = await sendPaced(server.url, 0, count, options.rate, sentAt);
    await drain(db);
    // Frames still in flight after the last commit.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    measuring = false;

    // Memory: everyone connected (extra sockets read and drop their frames), same load.
    for (const cookie of cookies.slice(options.sockets, options.memorySockets))
      sockets.push(await openSocket(server.url, cookie, () => {}));
    let peakRssMb = server.rssMb();
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, server.rssMb());
    }, 250);
    await sendPaced(server.url, count, count, options.rate, sentAt);
    await drain(db);
    clearInterval(sampler);
    peakRssMb = Math.max(peakRssMb, server.rssMb());

    latencies.sort((a, b) => a - b);
    return {
      engine: options.engine,
      rate: options.rate,
      durationS: options.durationS,
      sockets: options.sockets,
      sent: count,
      acknowledged,
      expectedFrames: count * options.sockets,
      receivedFrames: latencies.length,
      latencyP50: percentile(latencies, 0.5),
      latencyP99: percentile(latencies, 0.99),
      latencyMax: percentile(latencies, 1),
      memorySockets: sockets.length,
      peakRssMb,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    await server.stop();
    await db.close();
  }
}
