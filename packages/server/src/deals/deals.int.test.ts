import type { Deal, DealListResponse, Funnel, Message } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let customerId: string;
let conversationId: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
  ({ conversationId } = await customerWrites(t.db, whatsapp, {
    from: '5215512345678',
    profileName: 'Mariana López',
    at: t.clock.now(),
  }));
  customerId = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json()
    .customer.id;
});
afterEach(async () => t.close());

async function createFunnel(session: TestSession, stages = ['Lead', 'Proposal', 'Won']) {
  return t.app.inject(
    as(session, { method: 'POST', url: '/api/v1/funnels', payload: { name: 'Ventas', stages } }),
  );
}

async function createDeal(session: TestSession, payload: Record<string, unknown>) {
  return t.app.inject(as(session, { method: 'POST', url: '/api/v1/deals', payload }));
}

async function board(session: TestSession, query = ''): Promise<DealListResponse> {
  return (await t.app.inject(as(session, { url: `/api/v1/deals${query}` }))).json();
}

async function threadTexts(): Promise<Message[]> {
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))).json()
    .items;
}

describe('funnels', () => {
  it('an admin creates a funnel; stages come back in board order and can be reordered and renamed', async () => {
    const created = await createFunnel(admin);
    expect(created.statusCode).toBe(201);
    const funnel = created.json<Funnel>();
    expect(funnel.stages.map((stage) => stage.name)).toEqual(['Lead', 'Proposal', 'Won']);

    const [lead, proposal, won] = funnel.stages;
    const reordered = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/funnels/${funnel.id}`,
        payload: {
          stages: [
            { id: proposal?.id, name: 'Propuesta' },
            { id: lead?.id, name: 'Lead' },
            { name: 'Negotiation' },
            { id: won?.id, name: 'Won' },
          ],
        },
      }),
    );
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json<Funnel>().stages.map((stage) => stage.name)).toEqual([
      'Propuesta',
      'Lead',
      'Negotiation',
      'Won',
    ]);
    const listed = (await t.app.inject(as(admin, { url: '/api/v1/funnels' }))).json();
    expect(listed.items[0].stages[0].id).toBe(proposal?.id);
  });

  it('only admins manage funnels, and a stage or funnel holding deals cannot be removed', async () => {
    const agent = await addMember(t.app, admin, 'agent');
    const supervisor = await addMember(t.app, admin, 'supervisor');
    expect((await createFunnel(agent)).statusCode).toBe(403);
    expect((await createFunnel(supervisor)).statusCode).toBe(403);

    const funnel = (await createFunnel(admin)).json<Funnel>();
    const stageId = funnel.stages[0]?.id;
    await createDeal(admin, { title: 'Cocina', customerId, amount: 1000, currency: 'MXN', stageId });
    const dropStage = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/funnels/${funnel.id}`,
        payload: { stages: [{ name: 'Otro' }] },
      }),
    );
    expect(dropStage.statusCode).toBe(409);
    expect(dropStage.json().error.fields[0].field).toBe('body.stages');
    const dropFunnel = await t.app.inject(
      as(admin, { method: 'DELETE', url: `/api/v1/funnels/${funnel.id}` }),
    );
    expect(dropFunnel.statusCode).toBe(409);
  });

  it('an empty stage list is refused naming the field', async () => {
    const response = await createFunnel(admin, []);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain('body.stages');
  });
});

describe('deals', () => {
  it('the board counts and totals each stage per currency, under amount filters', async () => {
    const funnel = (await createFunnel(admin)).json<Funnel>();
    const [lead, proposal] = funnel.stages;
    const deals: [string | undefined, number, string][] = [
      [lead?.id, 150_000, 'MXN'],
      [lead?.id, 250_050, 'MXN'],
      [lead?.id, 9_900, 'USD'],
      [proposal?.id, 1_000_000, 'MXN'],
    ];
    for (const [stageId, amount, currency] of deals) {
      const response = await createDeal(admin, {
        title: `Deal ${amount}`,
        customerId,
        amount,
        currency,
        stageId,
      });
      expect(response.statusCode).toBe(201);
    }
    const all = await board(admin, `?funnel=${funnel.id}`);
    expect(all.items).toHaveLength(4);
    const expectedLead = deals.filter(([stage]) => stage === lead?.id);
    const leadColumn = all.stages.find((stage) => stage.stageId === lead?.id);
    expect(leadColumn?.count).toBe(expectedLead.length);
    expect(leadColumn?.totals).toEqual([
      {
        currency: 'MXN',
        amount: expectedLead.filter(([, , c]) => c === 'MXN').reduce((sum, [, amount]) => sum + amount, 0),
      },
      { currency: 'USD', amount: 9_900 },
    ]);
    expect(all.stages.map((stage) => stage.stageId)).toEqual(funnel.stages.map((stage) => stage.id));
    expect(all.stages.at(-1)).toEqual({ stageId: funnel.stages.at(-1)?.id, count: 0, totals: [] });

    const big = await board(admin, `?funnel=${funnel.id}&minAmount=200000`);
    expect(big.items.map((deal) => deal.amount).sort((a, b) => a - b)).toEqual([250_050, 1_000_000]);
    expect(big.stages.find((stage) => stage.stageId === lead?.id)?.count).toBe(1);
  });

  it('moving a deal to another stage changes the board and writes activity lines in the customer’s chat', async () => {
    const funnel = (await createFunnel(admin)).json<Funnel>();
    const [lead, proposal] = funnel.stages;
    const deal = (
      await createDeal(admin, {
        title: 'Cocina integral',
        customerId,
        amount: 4_500_00,
        currency: 'mxn',
        stageId: lead?.id,
      })
    ).json<Deal>();
    expect(deal.currency).toBe('MXN');
    expect(deal.owner?.id).toBe(admin.me.member.id);
    expect(deal.customer.displayName).toBe('Mariana López');

    const moved = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/deals/${deal.id}`, payload: { stageId: proposal?.id } }),
    );
    expect(moved.json<Deal>().stageId).toBe(proposal?.id);
    const columns = (await board(admin)).stages;
    expect(columns.find((stage) => stage.stageId === lead?.id)?.count).toBe(0);
    expect(columns.find((stage) => stage.stageId === proposal?.id)?.count).toBe(1);

    const lines = (await threadTexts()).filter((message) => message.kind === 'activity');
    expect(lines.map((line) => line.content)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'deal_created', from: 'Cocina integral', to: 'Lead' }),
        expect.objectContaining({ action: 'deal_stage_changed', from: 'Lead', to: 'Proposal' }),
      ]),
    );
  });

  it('bad input names the field', async () => {
    const funnel = (await createFunnel(admin)).json<Funnel>();
    const stageId = funnel.stages[0]?.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x', customerId, amount: 10.5, currency: 'MXN', stageId }, 'body.amount'],
      [{ title: 'x', customerId, amount: 10, currency: 'PESOS', stageId }, 'body.currency'],
      [{ title: '', customerId, amount: 10, currency: 'MXN', stageId }, 'body.title'],
      [{ title: 'x', customerId, amount: 10, currency: 'MXN', stageId: 'nope' }, 'body.stageId'],
      [{ title: 'x', customerId: 'nope', amount: 10, currency: 'MXN', stageId }, 'body.customerId'],
      [
        { title: 'x', customerId, amount: 10, currency: 'MXN', stageId, expectedCloseDate: '31/03/2026' },
        'body.expectedCloseDate',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await createDeal(admin, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('agents see and edit only their own deals; supervisors and admins see all', async () => {
    const funnel = (await createFunnel(admin)).json<Funnel>();
    const stageId = funnel.stages[0]?.id;
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const sofia = await addMember(t.app, admin, 'agent', { name: 'Sofía' });
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const base = { customerId, currency: 'MXN', stageId };
    const own = (await createDeal(luis, { ...base, title: 'De Luis', amount: 100 })).json<Deal>();
    expect(own.owner?.id).toBe(luis.me.member.id);
    await createDeal(admin, { ...base, title: 'De Sofía', amount: 200, ownerId: sofia.me.member.id });

    expect((await board(luis)).items.map((deal) => deal.title)).toEqual(['De Luis']);
    expect((await board(luis, `?owner=${sofia.me.member.id}`)).items).toEqual([]);
    expect((await board(supervisor)).items).toHaveLength(2);
    expect((await board(admin, `?owner=${sofia.me.member.id}`)).items.map((deal) => deal.title)).toEqual([
      'De Sofía',
    ]);

    const sofiasDeal = (await board(admin, `?owner=${sofia.me.member.id}`)).items[0];
    const editOther = await t.app.inject(
      as(luis, { method: 'PATCH', url: `/api/v1/deals/${sofiasDeal?.id}`, payload: { amount: 1 } }),
    );
    expect(editOther.statusCode).toBe(404);
    const handOff = await t.app.inject(
      as(luis, { method: 'PATCH', url: `/api/v1/deals/${own.id}`, payload: { ownerId: sofia.me.member.id } }),
    );
    expect(handOff.statusCode).toBe(400);
    expect(handOff.json().error.fields[0].field).toBe('body.ownerId');
    const deleted = await t.app.inject(as(luis, { method: 'DELETE', url: `/api/v1/deals/${own.id}` }));
    expect(deleted.statusCode).toBe(204);
    expect((await board(luis)).items).toEqual([]);
  });

  it('another workspace sees none of these funnels or deals and cannot touch them', async () => {
    const funnel = (await createFunnel(admin)).json<Funnel>();
    const deal = (
      await createDeal(admin, {
        title: 'Cocina',
        customerId,
        amount: 100,
        currency: 'MXN',
        stageId: funnel.stages[0]?.id,
      })
    ).json<Deal>();
    const other = await createAnotherWorkspace(t.app, t.db);
    expect((await t.app.inject(as(other, { url: '/api/v1/funnels' }))).json().items).toEqual([]);
    expect((await board(other)).items).toEqual([]);
    const touch = await t.app.inject(
      as(other, { method: 'PATCH', url: `/api/v1/deals/${deal.id}`, payload: { amount: 1 } }),
    );
    expect(touch.statusCode).toBe(404);
    const intoTheirStage = await createDeal(other, {
      title: 'x',
      customerId,
      amount: 1,
      currency: 'MXN',
      stageId: funnel.stages[0]?.id,
    });
    expect(intoTheirStage.statusCode).toBe(400);
    const patchFunnel = await t.app.inject(
      as(other, { method: 'PATCH', url: `/api/v1/funnels/${funnel.id}`, payload: { name: 'Mine' } }),
    );
    expect(patchFunnel.statusCode).toBe(404);
  });
});
