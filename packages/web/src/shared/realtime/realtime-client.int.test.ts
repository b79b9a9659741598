import type { RealtimeEvent } from '@charla/contracts';
import {
  appendTestEvents,
  createTestApp,
  setUpWorkspace,
  type TestApp,
  type TestEventSpec,
  type TestSession,
} from '@charla/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type EventsPage, RealtimeClient, type RealtimeStatus } from './realtime-client.ts';

let t: TestApp;
let baseUrl: string;
let client: RealtimeClient | null = null;

beforeEach(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  client?.stop();
  client = null;
  await t.close();
});

/** The browser client, driven against the real server with `ws` standing in for the browser's WebSocket. */
function startClient(session: TestSession, options: { beforeFetch?: () => Promise<void> } = {}) {
  const received: RealtimeEvent[] = [];
  const pagesFetched: number[] = [];
  const statuses: RealtimeStatus[] = [];
  const sockets: WebSocket[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  client = new RealtimeClient({
    openSocket: (after) => {
      const url = new URL('/api/v1/realtime', baseUrl.replace(/^http/, 'ws'));
      if (after !== null) url.searchParams.set('after', String(after));
      const socket = new WebSocket(url, { headers: { cookie: session.cookie } });
      sockets.push(socket);
      return socket;
    },
    fetchEvents: async (after) => {
      await options.beforeFetch?.();
      pagesFetched.push(after);
      const response = await fetch(`${baseUrl}/api/v1/events?after=${after}&limit=1000`, {
        headers: { cookie: session.cookie },
      });
      const page: EventsPage = await response.json();
      return page;
    },
    onEvent: (event) => {
      received.push(event);
      notify();
    },
    onStatus: (status) => {
      statuses.push(status);
      notify();
    },
    onRefused: () => undefined,
    delay: () => 5,
  });
  client.start();
  /** Resolves once `condition` holds, re-checked on every event and status change. */
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (condition() ? resolve() : waiters.push(check));
      check();
    });
  return { received, statuses, sockets, pagesFetched, until };
}

function conversationEvents(count: number, prefix: string): TestEventSpec[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'conversation',
    conversationId: `${prefix}-${index}`,
    owner: null,
  }));
}

const idsOf = (events: RealtimeEvent[]) => events.map((event) => event.id);

describe('the browser realtime client against the server', () => {
  it('after a dropped socket, holds every event once and in order, including those sent while it was away', async () => {
    const admin = await setUpWorkspace(t.app);
    const live = startClient(admin);
    await live.until(() => live.statuses.includes('live'));

    const before = await appendTestEvents(t.db, admin.me.workspace.id, conversationEvents(20, 'before'));
    await live.until(() => live.received.length === before.length);

    live.sockets.at(-1)?.terminate();
    await live.until(() => live.statuses.at(-1) === 'offline');
    const whileAway = await appendTestEvents(t.db, admin.me.workspace.id, conversationEvents(30, 'away'));
    await live.until(() => live.received.length === before.length + whileAway.length);

    expect(idsOf(live.received)).toEqual([...before, ...whileAway]);
    expect(live.statuses.at(-1)).toBe('live');
    expect(live.sockets).toHaveLength(2);
  });

  it('told to resync, pages the event log to its end, then streams live again without repeats', async () => {
    const admin = await setUpWorkspace(t.app);
    let markBacklogWritten: () => void = () => {};
    const backlogWritten = new Promise<void>((resolve) => {
      markBacklogWritten = resolve;
    });
    // The backlog is in the log before the client asks for its first page.
    const live = startClient(admin, { beforeFetch: () => backlogWritten });
    await live.until(() => live.statuses.includes('live'));
    const first = await appendTestEvents(t.db, admin.me.workspace.id, conversationEvents(5, 'first'));
    await live.until(() => live.received.length === first.length);

    // What the server does when a socket falls too far behind: close with the resync code.
    live.sockets.at(-1)?.close(4000, 'resync');
    await live.until(() => live.statuses.at(-1) === 'offline');
    const backlog = await appendTestEvents(t.db, admin.me.workspace.id, conversationEvents(2_500, 'backlog'));
    markBacklogWritten();
    await live.until(() => live.received.length === first.length + backlog.length);
    await live.until(() => live.statuses.at(-1) === 'live');
    const after = await appendTestEvents(t.db, admin.me.workspace.id, conversationEvents(3, 'after'));
    await live.until(() => live.received.length === first.length + backlog.length + after.length);

    expect(idsOf(live.received)).toEqual([...first, ...backlog, ...after]);
    expect(live.pagesFetched.length).toBeGreaterThanOrEqual(3);
  });
});
