import { eventsResponseSchema, type RealtimeEvent } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  appendTestEvents,
  as,
  createAnotherWorkspace,
  createTestApp,
  RealtimeTestClient,
  setUpWorkspace,
  type TestApp,
  type TestEventSpec,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let baseUrl: string;
const clients: RealtimeTestClient[] = [];

beforeEach(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await t.close();
});

async function connect(session: TestSession, after?: number): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(baseUrl, {
    cookie: session.cookie,
    ...(after === undefined ? {} : { after }),
  });
  clients.push(client);
  return client;
}

/** What a member learns from an event: the conversation it is about, or that it was removed. */
function summary(event: RealtimeEvent): string {
  switch (event.type) {
    case 'conversation.updated':
      return `${event.id} ${event.conversation.id}`;
    case 'conversation.removed':
      return `${event.id} removed ${event.conversationId}`;
    default:
      return `${event.id} ${event.type}`;
  }
}

async function fetchAll(session: TestSession, after: number): Promise<RealtimeEvent[]> {
  const items: RealtimeEvent[] = [];
  let cursor = after;
  for (;;) {
    const response = await t.app.inject(
      as(session, { method: 'GET', url: `/api/v1/events?after=${cursor}&limit=1000` }),
    );
    const page = eventsResponseSchema.parse(response.json());
    items.push(...page.items);
    cursor = page.lastId;
    if (!page.hasMore) return items;
  }
}

const TRANSACTIONS = 200;
const EVENTS_PER_TRANSACTION = 10;

describe('a socket dropped under load', () => {
  it('ends with every visible event exactly once and in order after reconnecting with the last id it saw', async () => {
    const admin = await setUpWorkspace(t.app);
    const agentX = await addMember(t.app, admin, 'agent');
    const agentY = await addMember(t.app, admin, 'agent');
    const otherAdmin = await createAnotherWorkspace(t.app, t.db);
    const x = agentX.me.member.id;
    const y = agentY.me.member.id;

    // Per event, what agent X should get: the event, a removal, or nothing.
    const expected: string[] = [];
    const received: RealtimeEvent[] = [];
    let client = await connect(agentX);
    const start = await client.helloLastId();
    let connecting: Promise<RealtimeTestClient> = Promise.resolve(client);

    /** Drops the socket wherever its stream is and reconnects after the last event it holds. */
    async function dropAndReconnect(): Promise<void> {
      const dropped = await connecting;
      dropped.drop();
      received.push(...dropped.events());
      connecting = connect(agentX, received.at(-1)?.id ?? start);
    }

    for (let batch = 0; batch < TRANSACTIONS; batch += 1) {
      // Dropped twice mid-stream; the producer does not wait for the reconnects.
      if (batch === 60 || batch === 130) await dropAndReconnect();
      const otherWorkspace = batch % 5 === 4;
      const specs: TestEventSpec[] = [];
      for (let item = 0; item < EVENTS_PER_TRANSACTION; item += 1) {
        const conversationId = `conv-${batch}-${item}`;
        if (otherWorkspace) specs.push({ kind: 'conversation', conversationId, owner: null });
        else if (item % 4 === 0) specs.push({ kind: 'conversation', conversationId, owner: x });
        else if (item % 4 === 1) specs.push({ kind: 'conversation', conversationId, owner: y });
        else if (item % 4 === 2) specs.push({ kind: 'conversation', conversationId, owner: null });
        else specs.push({ kind: 'conversation', conversationId, owner: y, previousOwner: x });
      }
      const workspaceId = otherWorkspace ? otherAdmin.me.workspace.id : admin.me.workspace.id;
      const ids = await appendTestEvents(t.db, workspaceId, specs);
      // better-sqlite3 answers synchronously: yield to I/O as concurrent requests would, so the
      // sockets' handshakes and catch-ups really overlap with the commits.
      await new Promise((resolve) => setImmediate(resolve));
      if (otherWorkspace) continue;
      ids.forEach((id, item) => {
        if (item % 4 === 0 || item % 4 === 2) expected.push(`${id} conv-${batch}-${item}`);
        if (item % 4 === 3) expected.push(`${id} removed conv-${batch}-${item}`);
      });
    }

    client = await connecting;
    const lastExpected = Number(expected.at(-1)?.split(' ')[0]);
    await client.waitForEvent(lastExpected, 20_000);
    received.push(...client.events());

    // Four of five transactions are this workspace's, and X sees items 0, 2-4 and 6-8 of each.
    expect(expected).toHaveLength(TRANSACTIONS * 0.8 * 7);
    expect(received.map(summary)).toEqual(expected);
    expect((await fetchAll(agentX, start)).map(summary)).toEqual(expected);
  });

  it('catches up from the table, then streams live, on a socket opened with ?after=', async () => {
    const admin = await setUpWorkspace(t.app);
    const workspaceId = admin.me.workspace.id;
    const live = await connect(admin);
    const start = await live.helloLastId();
    const earlier = await appendTestEvents(
      t.db,
      workspaceId,
      Array.from({ length: 1_200 }, (_, index) => ({
        kind: 'conversation' as const,
        conversationId: `conv-${index}`,
        owner: null,
      })),
    );

    // Commits keep coming while the socket pages through the table: each event arrives once.
    const resumed = await connect(admin, start);
    const later: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      later.push(
        ...(await appendTestEvents(t.db, workspaceId, [
          { kind: 'conversation', conversationId: `conv-later-${index}`, owner: null },
        ])),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await resumed.helloLastId()).toBeGreaterThanOrEqual(start);
    await resumed.waitForEvent(later.at(-1) ?? -1);
    expect(resumed.events().map((event) => event.id)).toEqual([...earlier, ...later]);
  });
});
