import { REALTIME_CLOSE_CODES } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendTestEvent,
  appendTestEvents,
  createTestApp,
  type HubHarness,
  RealtimeTestClient,
  setUpWorkspace,
  startHubHarness,
  type TestApp,
  testEngine,
} from '../testing/index.ts';
import type { SocketOwner } from './realtime-hub.ts';

let t: TestApp;
let owner: SocketOwner;
const harnesses: HubHarness[] = [];
const clients: RealtimeTestClient[] = [];

beforeEach(async () => {
  t = await createTestApp();
  const admin = await setUpWorkspace(t.app);
  owner = {
    workspaceId: admin.me.workspace.id,
    memberId: admin.me.member.id,
    role: 'admin',
    assignedOnly: false,
  };
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
  await t.close();
});

async function harness(options: Parameters<typeof startHubHarness>[2]): Promise<HubHarness> {
  const started = await startHubHarness(t.db, owner, options);
  harnesses.push(started);
  return started;
}

async function connect(
  hub: HubHarness,
  options: { after?: number; autoPong?: boolean } = {},
): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(hub.url, { path: '/', ...options });
  clients.push(client);
  return client;
}

function unassigned(count: number, prefix: string) {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'conversation' as const,
    conversationId: `${prefix}-${index}`,
    owner: null,
  }));
}

describe('the realtime hub', () => {
  it('hands a socket from its catch-up to the live stream with no gap and no repeat while commits continue', async () => {
    // Small pages make the catch-up long, so live events pile up while it runs.
    const hub = await harness({ batchSize: 10 });
    const start = hub.hub.lastEventId;
    const earlier = await appendTestEvents(t.db, owner.workspaceId, unassigned(600, 'earlier'));

    const connecting = connect(hub, { after: start });
    const later: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      later.push(...(await appendTestEvents(t.db, owner.workspaceId, unassigned(3, `later-${index}`))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const client = await connecting;
    await client.waitForEvent(later.at(-1) ?? -1);
    expect(client.events().map((event) => event.id)).toEqual([...earlier, ...later]);
  });

  it('closes a socket that stops reading with the resync code, after an unbroken prefix of events', async () => {
    const hub = await harness({ maxBufferedBytes: 64 * 1024 });
    const client = await connect(hub);
    const start = await client.helloLastId();
    client.socket.pause();
    // Far more than the kernel's socket buffers hold, so the server's own queue has to grow.
    let last = start;
    for (let round = 0; round < 20; round += 1) {
      const ids = await appendTestEvents(
        t.db,
        owner.workspaceId,
        unassigned(50, `big-${round}`).map((spec) => ({ ...spec, padding: 40_000 })),
      );
      last = ids.at(-1) ?? last;
    }
    await vi.waitFor(() => expect(hub.hub.lastEventId).toBe(last), { timeout: 20_000 });
    client.socket.resume();

    expect((await client.closed).code).toBe(REALTIME_CLOSE_CODES.resync);
    const ids = client.events().map((event) => event.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(1_000);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => start + 1 + index));
  });

  it('drops a socket that stops answering pings and keeps one that answers', async () => {
    const hub = await harness({ heartbeatIntervalMs: 50 });
    const healthy = await connect(hub);
    const silent = await connect(hub, { autoPong: false });
    expect((await silent.closed).code).toBe(1006);
    const id = await appendTestEvent(t.db, owner.workspaceId, {
      kind: 'conversation',
      conversationId: 'still-here',
      owner: null,
    });
    await healthy.waitForEvent(id);
    expect(hub.hub.connectionCount).toBe(1);
  });

  // PostgreSQL only (SQLite serves one process): a hub on another connection pool, with its
  // safety poll pushed out of reach, wakes up from NOTIFY alone.
  if (testEngine() === 'postgres') {
    it('wakes on NOTIFY for events committed through another connection pool', async () => {
      const otherPool = t.db.reopen();
      try {
        const remote = await startHubHarness(otherPool, owner, { pollIntervalMs: 3_600_000 });
        harnesses.push(remote);
        const client = await connect(remote);
        await client.helloLastId();
        const id = await appendTestEvent(t.db, owner.workspaceId, {
          kind: 'conversation',
          conversationId: 'from-node-1',
          owner: null,
        });
        await client.waitForEvent(id);
        await remote.close();
        harnesses.splice(harnesses.indexOf(remote), 1);
      } finally {
        await otherPool.close();
      }
    });
  }
});
