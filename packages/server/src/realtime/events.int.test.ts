import { eventsResponseSchema, type RealtimeEvent } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  appendTestEvents,
  as,
  createAnotherWorkspace,
  createTestApp,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function fetchEvents(session: TestSession, query: string) {
  const response = await t.app.inject(as(session, { method: 'GET', url: `/api/v1/events?${query}` }));
  expect(response.statusCode).toBe(200);
  return eventsResponseSchema.parse(response.json());
}

/** Pages through `GET /events` from `after` to the end, as a reconnecting client does. */
async function fetchAll(session: TestSession, after: number, limit: number) {
  const items: RealtimeEvent[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const page = await fetchEvents(session, `after=${cursor}&limit=${limit}`);
    items.push(...page.items);
    cursor = page.lastId;
    pages += 1;
    if (!page.hasMore) return { items, lastId: cursor, pages };
  }
}

function summary(events: RealtimeEvent[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case 'conversation.updated':
        return event.conversation.id;
      case 'conversation.removed':
        return `removed ${event.conversationId}`;
      default:
        return event.type;
    }
  });
}

describe('GET /api/v1/events', () => {
  it('returns exactly the events the member may see, in order, with removals and without internal events', async () => {
    const admin = await setUpWorkspace(t.app);
    const agentX = await addMember(t.app, admin, 'agent');
    const agentY = await addMember(t.app, admin, 'agent');
    const start = (await fetchAll(agentX, 0, 1000)).lastId;
    const x = agentX.me.member.id;
    const y = agentY.me.member.id;

    const ids = await appendTestEvents(t.db, admin.me.workspace.id, [
      { kind: 'internal', type: 'api_key.created' },
      { kind: 'conversation', conversationId: 'conv-x', owner: x },
      { kind: 'conversation', conversationId: 'conv-y', owner: y },
      { kind: 'conversation', conversationId: 'conv-free', owner: null },
      { kind: 'conversation', conversationId: 'conv-x', owner: y, previousOwner: x },
      { kind: 'member', member: admin.me.member },
      { kind: 'conversation', conversationId: 'conv-y', owner: y },
    ]);

    const seenByX = await fetchEvents(agentX, `after=${start}`);
    expect(summary(seenByX.items)).toEqual(['conv-x', 'conv-free', 'removed conv-x', 'member.updated']);
    expect(seenByX.items.map((event) => event.id)).toEqual([ids[1], ids[3], ids[4], ids[5]]);
    // The last event is Y's: X resumes after it, not after the last one X received.
    expect(seenByX).toMatchObject({ lastId: ids[6], hasMore: false });

    const seenByAdmin = await fetchEvents(admin, `after=${start}`);
    expect(summary(seenByAdmin.items)).toEqual([
      'conv-x',
      'conv-y',
      'conv-free',
      'conv-x',
      'member.updated',
      'conv-y',
    ]);
    expect(seenByAdmin.items[4]).toMatchObject({
      type: 'member.updated',
      member: { id: admin.me.member.id },
    });
  });

  it('pages with lastId and hasMore, moving past pages whose events were all filtered out', async () => {
    const admin = await setUpWorkspace(t.app);
    const agent = await addMember(t.app, admin, 'agent');
    const other = await addMember(t.app, admin, 'agent');
    const start = (await fetchAll(agent, 0, 1000)).lastId;
    const specs = Array.from({ length: 25 }, (_, index) => ({
      kind: 'conversation' as const,
      conversationId: `conv-${index}`,
      owner: index % 3 === 0 ? other.me.member.id : agent.me.member.id,
    }));
    const ids = await appendTestEvents(t.db, admin.me.workspace.id, [
      { kind: 'internal', type: 'api_key.created' },
      { kind: 'internal', type: 'api_key.revoked' },
      ...specs,
    ]);
    const visible = ids.slice(2).filter((_, index) => index % 3 !== 0);

    const onlyInternal = await fetchEvents(agent, `after=${start}&limit=2`);
    expect(onlyInternal).toEqual({ items: [], lastId: ids[1], hasMore: true });

    const paged = await fetchAll(agent, start, 4);
    expect(paged.items.map((event) => event.id)).toEqual(visible);
    expect(paged.lastId).toBe(ids.at(-1));
    expect(paged.pages).toBe(Math.ceil(ids.length / 4));
    expect(await fetchEvents(agent, `after=${paged.lastId}`)).toEqual({
      items: [],
      lastId: paged.lastId,
      hasMore: false,
    });
  });

  it("never shows another workspace's events", async () => {
    const admin = await setUpWorkspace(t.app);
    const otherAdmin = await createAnotherWorkspace(t.app, t.db);
    await appendTestEvents(t.db, admin.me.workspace.id, [
      { kind: 'conversation', conversationId: 'conv-a', owner: null },
      { kind: 'member', member: admin.me.member },
    ]);
    await appendTestEvents(t.db, otherAdmin.me.workspace.id, [
      { kind: 'conversation', conversationId: 'conv-b', owner: null },
    ]);
    expect(summary((await fetchAll(otherAdmin, 0, 1000)).items)).toEqual(['conv-b']);
    expect(summary((await fetchAll(admin, 0, 1000)).items)).toEqual(['conv-a', 'member.updated']);
  });

  it('refuses anonymous callers and names bad query fields', async () => {
    const admin = await setUpWorkspace(t.app);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/events' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.app.inject(as(admin, { method: 'GET', url: '/api/v1/events?after=-1&limit=5000' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((field: { field: string }) => field.field)
        .sort(),
    ).toEqual(['query.after', 'query.limit']);
  });
});
