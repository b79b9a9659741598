import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.ts';
import { nameKey } from '../platform/name-key.ts';
import {
  as,
  callAs,
  createChannel,
  createTestApp,
  customerWhoWrote,
  customerWrites,
  multipartFile,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  testEngine,
  waitUntilBlockedOnLock,
} from '../testing/index.ts';
import type { Executor } from './transaction.ts';

// Names, shortcuts and phones are unique because the database says so, not only because the code
// looks first: requests racing each other (or another node) never make a duplicate or a 500.

let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

/** One request succeeded with `okStatus`; every other one answers 409 `code` naming `field`. */
function expectOneWinner(responses: LightMyRequestResponse[], okStatus: number, code: string, field: string) {
  const statuses = responses.map((response) => response.statusCode).sort();
  expect(statuses).toEqual([okStatus, ...Array(responses.length - 1).fill(409)].sort());
  for (const refused of responses.filter((response) => response.statusCode === 409)) {
    expect(refused.json().error).toMatchObject({ code, fields: [{ field }] });
  }
}

/** Customers who wrote on Messenger (no phone yet). */
async function messengerCustomers(count: number): Promise<string[]> {
  const messenger = await createChannel(t.db, admin.me.workspace.id, 'messenger');
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { conversationId } = await customerWrites(t.db, messenger, {
      from: `psid-${index}`,
      at: t.clock.now(),
    });
    ids.push((await callAs(t, admin, 'GET', `/conversations/${conversationId}`)).json().customer.id);
  }
  return ids;
}

async function customersWithPhone(digits: string) {
  const items = (await callAs(t, admin, 'GET', `/customers?q=${digits}`)).json().items as {
    id: string;
    phone: string | null;
  }[];
  return items.filter((customer) => customer.phone === digits);
}

describe('requests racing for one name, shortcut or phone', () => {
  it('creates one tag when several ask for the same name in different letter cases at once', async () => {
    const names = ['Promo', 'promo', 'PROMO', 'Promo', 'pROMO', 'promo'];
    const responses = await Promise.all(names.map((name) => callAs(t, admin, 'POST', '/tags', { name })));
    expectOneWinner(responses, 201, 'TAG_NAME_TAKEN', 'body.name');
    const tags = (await callAs(t, admin, 'GET', '/tags')).json().items as { name: string }[];
    expect(tags.filter((tag) => nameKey(tag.name) === 'promo')).toHaveLength(1);
  });

  it('tags several customers at once with one new tag name: one tag, every customer carries it', async () => {
    const customerIds = await messengerCustomers(4);
    const responses = await Promise.all(
      customerIds.map((id, index) =>
        callAs(t, admin, 'POST', `/customers/${id}/tags`, { name: index % 2 ? 'Mayoreo' : 'MAYOREO' }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).not.toContain(500);
    const tagIds = new Set(responses.map((response) => response.json().id));
    expect(tagIds.size).toBe(1);
    const tags = (await callAs(t, admin, 'GET', '/tags')).json().items as {
      name: string;
      customerCount: number;
    }[];
    expect(tags.filter((tag) => nameKey(tag.name) === 'mayoreo')).toEqual([
      expect.objectContaining({ customerCount: 4 }),
    ]);
  });

  it('creates one custom field when several ask for the same name at once', async () => {
    const names = ['Talla', 'talla', 'TALLA', 'Talla', 'tAlla'];
    const responses = await Promise.all(
      names.map((name) => callAs(t, admin, 'POST', '/custom-fields', { name, type: 'text' })),
    );
    expectOneWinner(responses, 201, 'CUSTOM_FIELD_NAME_TAKEN', 'body.name');
    const fields = (await callAs(t, admin, 'GET', '/custom-fields')).json().items as { name: string }[];
    expect(fields.filter((field) => nameKey(field.name) === 'talla')).toHaveLength(1);
  });

  it('saves one shared quick reply per shortcut when several are created at once; a personal one may share it', async () => {
    const reply = (scope: 'shared' | 'personal') =>
      callAs(t, admin, 'POST', '/quick-replies', {
        shortcut: 'envio',
        title: 'Envío',
        text: 'Enviamos hoy',
        scope,
      });
    const [personal, ...shared] = await Promise.all([
      reply('personal'),
      ...Array.from({ length: 5 }, () => reply('shared')),
    ]);
    expect(personal?.statusCode).toBe(201);
    expectOneWinner(shared, 201, 'QUICK_REPLY_SHORTCUT_TAKEN', 'body.shortcut');
    const replies = (await callAs(t, admin, 'GET', '/quick-replies')).json().items as {
      shortcut: string;
      scope: string;
    }[];
    expect(replies.map((item) => item.scope).sort()).toEqual(['personal', 'shared']);
  });

  it('gives a phone number to one customer when several are given it at once', async () => {
    const customerIds = await messengerCustomers(5);
    const responses = await Promise.all(
      customerIds.map((id) => callAs(t, admin, 'PATCH', `/customers/${id}`, { phone: '+52 55 1234 5678' })),
    );
    const ok = responses.find((response) => response.statusCode < 300);
    expectOneWinner(responses, ok?.statusCode ?? 200, 'CUSTOMER_PHONE_TAKEN', 'body.phone');
    expect(await customersWithPhone('525512345678')).toHaveLength(1);
  });

  it('two imports of one new phone at once make one customer, updated by the second', async () => {
    const csv = 'first_name,last_name,phone\nRosa,Méndez,+52 55 8765 4321\n';
    const importOnce = async () => {
      const { payload, contentType } = await multipartFile(Buffer.from(csv, 'utf8'), 'clientes.csv');
      return t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/v1/customers/import',
          payload,
          headers: { 'content-type': contentType },
        }),
      );
    };
    const responses = await Promise.all([importOnce(), importOnce()]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(responses.map((response) => response.json().created).sort()).toEqual([0, 1]);
    expect(await customersWithPhone('525587654321')).toHaveLength(1);
  });

  it('shop orders find the customer by phone; two at once for one new phone make one customer', async () => {
    const key = await callAs(t, admin, 'POST', '/api-keys', { name: 'Tienda online' });
    const shopOrder = (externalId: string, phone: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: { authorization: `Bearer ${key.json().secret}` },
        payload: {
          externalId,
          customer: { phone, name: 'Rosa' },
          currency: 'MXN',
          items: [{ name: 'Playera', quantity: 1, unitPrice: 19_950 }],
        },
      });
    const known = await customerWhoWrote(t, admin, { from: '5215566667777', channelType: 'whatsapp' });
    const matched = await shopOrder('A-1', '+52 1 55 6666 7777');
    expect(matched.statusCode).toBe(201);
    expect(matched.json().order.customerId).toBe(known.customerId);

    const racing = await Promise.all(['B-1', 'B-2', 'B-3'].map((id) => shopOrder(id, '+52 55 2222 3333')));
    expect(racing.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((response) => response.json().order.customerId)).size).toBe(1);
    expect(await customersWithPhone('525522223333')).toHaveLength(1);
  });

  it('a WhatsApp sender whose number a customer already has becomes that customer, not a second one', async () => {
    const [known] = await messengerCustomers(1);
    await callAs(t, admin, 'PATCH', `/customers/${known}`, { phone: '+52 1 55 4444 3333' });
    const whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp');
    const { conversationId } = await customerWrites(t.db, whatsapp, {
      from: '5215544443333',
      at: t.clock.now(),
    });
    const conversation = (await callAs(t, admin, 'GET', `/conversations/${conversationId}`)).json();
    expect(conversation.customer.id).toBe(known);
    expect(await customersWithPhone('5215544443333')).toHaveLength(1);
  });

  it('merges two customers who both have phones; the kept one keeps its number', async () => {
    const kept = await customerWhoWrote(t, admin, { from: '5215500001111', channelType: 'whatsapp' });
    const merged = await customerWhoWrote(t, admin, { from: '5215500002222', channelType: 'whatsapp' });
    const response = await callAs(t, admin, 'POST', `/customers/${kept.customerId}/merge`, {
      from: merged.customerId,
    });
    expect(response.statusCode).toBeLessThan(300);
    const profile = (await callAs(t, admin, 'GET', `/customers/${kept.customerId}`)).json();
    expect(profile.customer.phone).toBe('5215500001111');
    expect((await callAs(t, admin, 'GET', `/customers/${merged.customerId}`)).statusCode).toBe(404);
  });

  it('a merged customer’s phone passes to a kept customer without one', async () => {
    const [kept] = await messengerCustomers(1);
    const merged = await customerWhoWrote(t, admin, { from: '5215500003333', channelType: 'whatsapp' });
    const response = await callAs(t, admin, 'POST', `/customers/${kept}/merge`, { from: merged.customerId });
    expect(response.statusCode).toBeLessThan(300);
    expect((await callAs(t, admin, 'GET', `/customers/${kept}`)).json().customer.phone).toBe('5215500003333');
  });
});

// Two nodes on one PostgreSQL database: the other node has written the same name or phone but
// not committed yet, so this node's look-up misses it and only the unique index can refuse.
if (testEngine() === 'postgres') {
  describe('a duplicate another node has not committed yet', () => {
    async function whileOtherNodeWrites(
      write: (trx: Executor) => Promise<unknown>,
      request: () => Promise<LightMyRequestResponse>,
    ): Promise<LightMyRequestResponse> {
      const other = t.db.reopen();
      try {
        let pending: Promise<LightMyRequestResponse> | undefined;
        await other.kysely.transaction().execute(async (trx) => {
          await write(trx);
          pending = request();
          await waitUntilBlockedOnLock(other);
        });
        if (!pending) throw new Error('no request was sent');
        return await pending;
      } finally {
        await other.close();
      }
    }

    const workspaceRow = () => ({ id: newId(), workspace_id: admin.me.workspace.id, created_at: Date.now() });

    it('refuses the tag name with the same field error', async () => {
      const response = await whileOtherNodeWrites(
        (trx) =>
          trx
            .insertInto('tags')
            .values({ ...workspaceRow(), name: 'Promo', name_key: 'promo', color: '#64748b' })
            .execute(),
        () => callAs(t, admin, 'POST', '/tags', { name: 'PROMO' }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'TAG_NAME_TAKEN',
        fields: [{ field: 'body.name' }],
      });
    });

    it('refuses the custom-field name with the same field error', async () => {
      const response = await whileOtherNodeWrites(
        (trx) =>
          trx
            .insertInto('custom_fields')
            .values({
              ...workspaceRow(),
              name: 'Talla',
              name_key: 'talla',
              type: 'text',
              options: '[]',
              updated_at: 0,
            })
            .execute(),
        () => callAs(t, admin, 'POST', '/custom-fields', { name: 'talla', type: 'text' }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'CUSTOM_FIELD_NAME_TAKEN',
        fields: [{ field: 'body.name' }],
      });
    });

    it('refuses the shortcut with the same field error', async () => {
      const response = await whileOtherNodeWrites(
        (trx) =>
          trx
            .insertInto('quick_replies')
            .values({
              ...workspaceRow(),
              owner_member_id: admin.me.member.id,
              shortcut: 'envio',
              title: 'Envío',
              body: 'Enviamos hoy',
              media_id: null,
              search_text: 'envio | envio | enviamos hoy',
              created_by_member_id: admin.me.member.id,
              updated_at: 0,
            })
            .execute(),
        () =>
          callAs(t, admin, 'POST', '/quick-replies', {
            shortcut: 'envio',
            title: 'Otro',
            text: 'Otro texto',
          }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'QUICK_REPLY_SHORTCUT_TAKEN',
        fields: [{ field: 'body.shortcut' }],
      });
    });

    it('refuses the phone with the same field error', async () => {
      const [first, second] = await messengerCustomers(2);
      const response = await whileOtherNodeWrites(
        (trx) =>
          trx
            .updateTable('customers')
            .set({ phone: '525512345678' })
            .where('id', '=', first ?? '')
            .execute(),
        () => callAs(t, admin, 'PATCH', `/customers/${second}`, { phone: '+52 55 1234 5678' }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'CUSTOMER_PHONE_TAKEN',
        fields: [{ field: 'body.phone' }],
      });
    });
  });
}
