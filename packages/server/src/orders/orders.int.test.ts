import type { CustomerOrdersResponse, Order } from '@charla/contracts';
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
let bearer: { authorization: string };

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  const key = await t.app.inject(
    as(admin, { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Tienda online' } }),
  );
  bearer = { authorization: `Bearer ${key.json().secret}` };
});
afterEach(async () => t.close());

async function customerWritingIn(phone: string): Promise<{ customerId: string; conversationId: string }> {
  const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', `Ventas ${phone}`);
  const { conversationId } = await customerWrites(t.db, whatsapp, { from: phone, at: t.clock.now() });
  const customerId = (
    await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))
  ).json().customer.id;
  return { customerId, conversationId };
}

const history = async (session: TestSession, customerId: string) =>
  (
    await t.app.inject(as(session, { url: `/api/v1/customers/${customerId}/orders` }))
  ).json<CustomerOrdersResponse>();

function shopOrder(
  externalId: string,
  customer: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: bearer,
    payload: {
      externalId,
      customer,
      currency: 'MXN',
      items: [{ name: 'Playera', sku: 'PL-01', quantity: 2, unitPrice: 19_950 }],
      ...extra,
    },
  });
}

describe('a customer’s orders', () => {
  it('a member records orders; the history shows totals per status and currency, and status changes move them', async () => {
    const { customerId } = await customerWritingIn('5215512345678');
    const orders: [string, number, number, string][] = [
      ['pending', 2, 12_50, 'MXN'],
      ['pending', 1, 300_00, 'MXN'],
      ['paid', 3, 99_99, 'MXN'],
      ['paid', 1, 10_00, 'USD'],
    ];
    const ids: string[] = [];
    for (const [status, quantity, unitPrice, currency] of orders) {
      const response = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/v1/customers/${customerId}/orders`,
          payload: {
            status,
            currency,
            items: [{ name: 'Cojín', quantity, unitPrice }],
            notes: 'Entrega martes',
          },
        }),
      );
      expect(response.statusCode).toBe(201);
      const order = response.json<Order>();
      expect(order.total).toBe(quantity * unitPrice);
      ids.push(order.id);
    }
    const sum = (status: string, currency: string) =>
      orders.filter(([s, , , c]) => s === status && c === currency).reduce((acc, [, q, p]) => acc + q * p, 0);
    expect((await history(admin, customerId)).totals).toEqual([
      { status: 'pending', currency: 'MXN', count: 2, amount: sum('pending', 'MXN') },
      { status: 'paid', currency: 'MXN', count: 1, amount: sum('paid', 'MXN') },
      { status: 'paid', currency: 'USD', count: 1, amount: sum('paid', 'USD') },
    ]);

    const cancelled = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/orders/${ids[0]}`, payload: { status: 'cancelled' } }),
    );
    expect(cancelled.json<Order>().status).toBe('cancelled');
    const after = await history(admin, customerId);
    expect(after.totals.find((row) => row.status === 'cancelled')).toEqual({
      status: 'cancelled',
      currency: 'MXN',
      count: 1,
      amount: orders[0]?.[1] && orders[0][1] * orders[0][2],
    });
    expect(after.items).toHaveLength(4);
  });

  it('bad input names the field', async () => {
    const { customerId } = await customerWritingIn('5215512345678');
    const cases: [Record<string, unknown>, string][] = [
      [{ currency: 'MXN', items: [] }, 'body.items'],
      [{ currency: 'MXN', items: [{ name: 'A', quantity: 1, unitPrice: 12.5 }] }, 'body.items.0.unitPrice'],
      [{ currency: 'MXN', items: [{ name: 'A', quantity: 0, unitPrice: 1 }] }, 'body.items.0.quantity'],
      [{ currency: 'XX', items: [{ name: 'A', quantity: 1, unitPrice: 1 }] }, 'body.currency'],
      [
        { currency: 'MXN', status: 'shipped', items: [{ name: 'A', quantity: 1, unitPrice: 1 }] },
        'body.status',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject(
        as(admin, { method: 'POST', url: `/api/v1/customers/${customerId}/orders`, payload }),
      );
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('an agent cannot see or change orders of a customer assigned to someone else; another workspace cannot either', async () => {
    const { customerId, conversationId } = await customerWritingIn('5215512345678');
    const luis = await addMember(t.app, admin, 'agent');
    const sofia = await addMember(t.app, admin, 'agent');
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/assignee`,
        payload: { memberId: sofia.me.member.id },
      }),
    );
    const order = (
      await t.app.inject(
        as(sofia, {
          method: 'POST',
          url: `/api/v1/customers/${customerId}/orders`,
          payload: { currency: 'MXN', items: [{ name: 'A', quantity: 1, unitPrice: 100 }] },
        }),
      )
    ).json<Order>();
    expect((await t.app.inject(as(luis, { url: `/api/v1/customers/${customerId}/orders` }))).statusCode).toBe(
      404,
    );
    const luisEdits = await t.app.inject(
      as(luis, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { status: 'paid' } }),
    );
    expect(luisEdits.statusCode).toBe(404);
    const other = await createAnotherWorkspace(t.app, t.db);
    const otherEdits = await t.app.inject(
      as(other, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { status: 'paid' } }),
    );
    expect(otherEdits.statusCode).toBe(404);
    expect((await history(sofia, customerId)).items[0]?.status).toBe('pending');
  });
});

describe('orders from a shop (API key)', () => {
  it('matches the customer by phone digits, stores the order once per external id', async () => {
    const { customerId } = await customerWritingIn('5215512345678');
    const first = await shopOrder('shop-1001', { phone: '+52 1 55 1234-5678' });
    expect(first.statusCode).toBe(201);
    expect(first.json().order).toMatchObject({
      customerId,
      number: 'shop-1001',
      total: 39_900,
      source: 'api',
    });
    const again = await shopOrder('shop-1001', { phone: '+52 1 55 1234-5678' });
    expect(again.statusCode).toBe(200);
    expect(again.json().order.id).toBe(first.json().order.id);
    expect((await history(admin, customerId)).items).toHaveLength(1);
  });

  it('matches by e-mail, else creates the customer', async () => {
    const byEmail = await shopOrder('shop-1', { email: 'Paula@Example.com', name: 'Paula Ríos' });
    expect(byEmail.statusCode).toBe(201);
    const created = byEmail.json().order.customerId;
    const sameEmail = await shopOrder('shop-2', { email: 'paula@example.com' });
    expect(sameEmail.json().order.customerId).toBe(created);
    const profile = (await t.app.inject(as(admin, { url: `/api/v1/customers/${created}` }))).json();
    expect(profile.customer).toMatchObject({ email: 'paula@example.com', displayName: 'Paula Ríos' });
    expect((await history(admin, created)).items.map((order) => order.number).sort()).toEqual([
      'shop-1',
      'shop-2',
    ]);
  });

  it('refuses a customer without phone or e-mail, a bad phone, and agents signed in with a browser', async () => {
    const none = await shopOrder('x-1', { name: 'Nadie' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].field).toBe('body.customer');
    const badPhone = await shopOrder('x-2', { phone: '55 1234' });
    expect(badPhone.json().error.fields[0].field).toBe('body.customer.phone');
    const agent = await addMember(t.app, admin, 'agent');
    const byAgent = await t.app.inject(
      as(agent, {
        method: 'POST',
        url: '/api/v1/orders',
        payload: {
          externalId: 'x-3',
          customer: { email: 'a@example.com' },
          currency: 'MXN',
          items: [{ name: 'A', quantity: 1, unitPrice: 1 }],
        },
      }),
    );
    expect(byAgent.statusCode).toBe(403);
  });
});

describe('API documentation', () => {
  it('documents the shop order body and every CRM sales route for integrators', async () => {
    const document = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/orders',
        '/api/v1/orders/import',
        '/api/v1/orders/imports/{importId}',
        '/api/v1/customers/{customerId}/orders',
        '/api/v1/deals',
        '/api/v1/funnels',
        '/api/v1/reminders',
        '/api/v1/customers/{customerId}/reminders',
      ]),
    );
    const shop = document.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema;
    expect(shop.required).toEqual(expect.arrayContaining(['externalId', 'customer', 'items', 'currency']));
  });
});
