import { type Deal, eventsResponseSchema, type Funnel, type RealtimeEvent } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  RealtimeTestClient,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let customerId: string;
const clients: RealtimeTestClient[] = [];

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
  const { conversationId } = await customerWrites(t.db, whatsapp, {
    from: '5215512345678',
    profileName: 'Mariana López',
    at: t.clock.now(),
  });
  customerId = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json()
    .customer.id;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await t.close();
});

async function createFunnel(name: string, stages = ['Lead', 'Proposal', 'Won']): Promise<Funnel> {
  const response = await t.app.inject(
    as(admin, { method: 'POST', url: '/api/v1/funnels', payload: { name, stages } }),
  );
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function createDeal(session: TestSession, payload: Record<string, unknown>): Promise<Deal> {
  const response = await t.app.inject(as(session, { method: 'POST', url: '/api/v1/deals', payload }));
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function editDeal(session: TestSession, dealId: string, payload: Record<string, unknown>) {
  return t.app.inject(as(session, { method: 'PATCH', url: `/api/v1/deals/${dealId}`, payload }));
}

/** What a member's client fetches to catch up: their events after `after`. */
async function eventsAfter(session: TestSession, after: number) {
  const response = await t.app.inject(as(session, { url: `/api/v1/events?after=${after}&limit=1000` }));
  expect(response.statusCode).toBe(200);
  return eventsResponseSchema.parse(response.json());
}

/** The deal and funnel events among them, without their ids and times. */
function dealEvents(events: RealtimeEvent[]) {
  return events.flatMap(({ id: _id, createdAt: _createdAt, ...event }) =>
    event.type === 'deal.changed' || event.type === 'funnel.changed' ? [event] : [],
  );
}

/** The `count`-th `deal.changed` a socket received, waiting for it if it has not come yet. */
async function dealChange(socket: RealtimeTestClient, count: number): Promise<RealtimeEvent> {
  const changes = () => socket.events().filter((event) => event.type === 'deal.changed');
  await socket.waitFor(() => changes().length >= count);
  const event = changes()[count - 1];
  if (!event) throw new Error(`deal change ${count} did not arrive`);
  return event;
}

function stageOf(funnel: Funnel, index: number): string {
  const stage = funnel.stages[index];
  if (!stage) throw new Error(`funnel ${funnel.name} has no stage ${index}`);
  return stage.id;
}

describe('deal and funnel changes reach the other members live', () => {
  it('a supervisor hears of each deal created, moved to another funnel and deleted, and each funnel change; a refused edit says nothing', async () => {
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const otherAdmin = await createAnotherWorkspace(t.app, t.db);
    const start = (await eventsAfter(supervisor, 0)).lastId;
    const otherStart = (await eventsAfter(otherAdmin, 0)).lastId;

    const sales = await createFunnel('Ventas');
    const aftercare = await createFunnel('Posventa', ['Open', 'Closed']);
    const deal = await createDeal(admin, {
      title: 'Cocina integral',
      customerId,
      stageId: stageOf(sales, 0),
      amount: 150_000,
      currency: 'MXN',
    });
    const refused = await editDeal(admin, deal.id, { stageId: 'no-such-stage' });
    expect(refused.statusCode).toBe(400);
    expect((await editDeal(admin, deal.id, { stageId: stageOf(aftercare, 1) })).statusCode).toBe(200);
    expect((await editDeal(admin, deal.id, { amount: 175_000 })).statusCode).toBe(200);
    const deleted = await t.app.inject(as(admin, { method: 'DELETE', url: `/api/v1/deals/${deal.id}` }));
    expect(deleted.statusCode).toBe(204);
    const renamed = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/funnels/${sales.id}`, payload: { name: 'Ventas 2026' } }),
    );
    expect(renamed.statusCode).toBe(200);
    const removed = await t.app.inject(as(admin, { method: 'DELETE', url: `/api/v1/funnels/${sales.id}` }));
    expect(removed.statusCode).toBe(204);

    const changed = { type: 'deal.changed', dealId: deal.id, customerIds: [customerId] } as const;
    expect(dealEvents((await eventsAfter(supervisor, start)).items)).toEqual([
      { type: 'funnel.changed', funnelId: sales.id, deleted: false },
      { type: 'funnel.changed', funnelId: aftercare.id, deleted: false },
      { ...changed, funnelIds: [sales.id], deleted: false },
      { ...changed, funnelIds: [aftercare.id, sales.id], deleted: false },
      { ...changed, funnelIds: [aftercare.id], deleted: false },
      { ...changed, funnelIds: [aftercare.id], deleted: true },
      { type: 'funnel.changed', funnelId: sales.id, deleted: false },
      { type: 'funnel.changed', funnelId: sales.id, deleted: true },
    ]);
    expect(dealEvents((await eventsAfter(otherAdmin, otherStart)).items)).toEqual([]);
  });

  it("an agent's socket hears that a colleague's deal changed without its title, amount or owner, and their board shows it once it is handed to them", async () => {
    const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const funnel = await createFunnel('Ventas');
    const socket = await RealtimeTestClient.connect(baseUrl, { cookie: agent.cookie });
    clients.push(socket);
    await socket.helloLastId();

    const deal = await createDeal(admin, {
      title: 'Cocina integral',
      customerId,
      stageId: stageOf(funnel, 0),
      amount: 150_000,
      currency: 'MXN',
    });
    const created = await dealChange(socket, 1);
    expect(created).toMatchObject({ dealId: deal.id, funnelIds: [funnel.id], customerIds: [customerId] });
    expect(Object.keys(created).sort()).toEqual([
      'createdAt',
      'customerIds',
      'dealId',
      'deleted',
      'funnelIds',
      'id',
      'type',
    ]);
    expect(JSON.stringify(created)).not.toContain('Cocina integral');
    const board = async () =>
      (await t.app.inject(as(agent, { url: `/api/v1/deals?funnel=${funnel.id}` }))).json().items;
    expect(await board()).toEqual([]);

    const handed = await editDeal(admin, deal.id, { ownerId: agent.me.member.id });
    expect(handed.statusCode).toBe(200);
    expect(await dealChange(socket, 2)).toMatchObject({ dealId: deal.id, deleted: false });
    expect((await board()).map((item: Deal) => item.title)).toEqual(['Cocina integral']);
  });
});
