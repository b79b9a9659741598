import type { Conversation, CustomerProfile, Message, RealtimeEvent } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  assignTo,
  callAs,
  createAnotherWorkspace,
  createTestApp,
  customerWhoWrote,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

type EventsResponse = { items: RealtimeEvent[] };

let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const merge = (who: TestSession, keptId: string, from: string) =>
  callAs(t, who, 'POST', `/customers/${keptId}/merge`, { from });

const profileOf = async (who: TestSession, customerId: string) =>
  (await callAs(t, who, 'GET', `/customers/${customerId}`)).json<CustomerProfile>();

const threadOf = async (conversationId: string) =>
  (await callAs(t, admin, 'GET', `/conversations/${conversationId}/messages?limit=100`)).json<{
    items: Message[];
  }>().items;

/** Everything the panel shows about a customer besides the profile, as plain values. */
async function recordOf(customerId: string) {
  const list = async (path: string) =>
    (await callAs(t, admin, 'GET', `/customers/${customerId}/${path}`)).json().items;
  const deals = (await callAs(t, admin, 'GET', `/deals?customer=${customerId}`)).json().items;
  return {
    notes: (await list('notes')).map((note: { body: string }) => note.body).sort(),
    orders: (await list('orders')).map((order: { total: number }) => order.total).sort(),
    reminders: (await list('reminders')).map((reminder: { status: string }) => reminder.status),
    fields: Object.fromEntries(
      (await list('custom-fields')).map((item: { field: { name: string }; value: unknown }) => [
        item.field.name,
        item.value,
      ]),
    ),
    deals: deals.map((deal: { title: string }) => deal.title).sort(),
  };
}

async function defineField(name: string) {
  return (await callAs(t, admin, 'POST', '/custom-fields', { name, type: 'text' })).json<{ id: string }>().id;
}

describe('merging two customers', () => {
  it('moves every identity, conversation, note, deal, order, reminder, tag and field value onto the kept customer', async () => {
    const valentina = await customerWhoWrote(t, admin, {
      from: '5215512340001',
      profileName: 'Valentina Ríos',
      channelType: 'whatsapp',
    });
    const vale = await customerWhoWrote(t, admin, {
      from: 'igsid-vale-rios',
      profileName: 'vale.rios',
      channelType: 'instagram',
    });
    await callAs(t, admin, 'PATCH', `/customers/${vale.customerId}`, {
      email: 'vale@example.com',
      city: 'Puebla',
    });
    await callAs(t, admin, 'PATCH', `/customers/${valentina.customerId}`, { city: 'Querétaro' });
    await callAs(t, admin, 'POST', `/customers/${valentina.customerId}/notes`, { body: 'Prefiere WhatsApp' });
    await callAs(t, admin, 'POST', `/customers/${vale.customerId}/notes`, { body: 'Vio el reel del cojín' });
    await callAs(t, admin, 'POST', `/customers/${vale.customerId}/tags`, { name: 'VIP' });
    await callAs(t, admin, 'POST', `/customers/${valentina.customerId}/tags`, { name: 'VIP' });
    await callAs(t, admin, 'POST', `/customers/${vale.customerId}/tags`, { name: 'Instagram' });
    const company = await defineField('Empresa');
    const size = await defineField('Talla');
    await callAs(t, admin, 'PUT', `/customers/${valentina.customerId}/custom-fields/${company}`, {
      value: 'Ríos SA',
    });
    await callAs(t, admin, 'PUT', `/customers/${vale.customerId}/custom-fields/${company}`, {
      value: 'Otra',
    });
    await callAs(t, admin, 'PUT', `/customers/${vale.customerId}/custom-fields/${size}`, { value: 'M' });
    const funnel = (
      await callAs(t, admin, 'POST', '/funnels', { name: 'Ventas', stages: ['Lead', 'Won'] })
    ).json();
    const deal = await callAs(t, admin, 'POST', '/deals', {
      title: 'Cojines',
      customerId: vale.customerId,
      amount: 120_000,
      currency: 'MXN',
      stageId: funnel.stages[0].id,
    });
    const order = {
      status: 'paid',
      currency: 'MXN',
      items: [{ name: 'Cojín', quantity: 2, unitPrice: 35_000 }],
    };
    expect((await callAs(t, admin, 'POST', `/customers/${vale.customerId}/orders`, order)).statusCode).toBe(
      201,
    );
    const reminder = await callAs(t, admin, 'POST', `/customers/${vale.customerId}/reminders`, {
      at: '2099-01-15T10:00',
      action: { type: 'notify', text: 'Confirmar envío' },
    });
    expect(reminder.statusCode).toBe(201);

    const response = await merge(admin, valentina.customerId, vale.customerId);
    expect(response.statusCode).toBe(200);
    const merged = response.json<CustomerProfile>();
    expect(merged.customer).toMatchObject({
      id: valentina.customerId,
      email: 'vale@example.com',
      city: 'Querétaro',
      phone: '5215512340001',
    });
    expect(merged.customer.tags.map((tag) => tag.name)).toEqual(['Instagram', 'VIP']);
    expect(merged.conversations.map((item) => item.id).sort()).toEqual(
      [valentina.conversationId, vale.conversationId].sort(),
    );
    expect(merged.customer.identities.map((identity) => identity.channelType).sort()).toEqual([
      'instagram',
      'whatsapp',
    ]);
    expect(await recordOf(valentina.customerId)).toEqual({
      notes: ['Prefiere WhatsApp', 'Vio el reel del cojín'],
      orders: [70_000],
      reminders: ['scheduled'],
      fields: { Empresa: 'Ríos SA', Talla: 'M' },
      deals: ['Cojines'],
    });
    const instagramRow = (
      await callAs(t, admin, 'GET', `/conversations/${vale.conversationId}`)
    ).json<Conversation>();
    expect(instagramRow).toMatchObject({ customer: { id: valentina.customerId }, pendingReminder: true });
    const activity = (await threadOf(vale.conversationId)).at(-1);
    expect(activity?.content).toMatchObject({
      kind: 'activity',
      action: 'customers_merged',
      from: 'vale.rios',
    });
    expect((await callAs(t, admin, 'GET', `/customers/${vale.customerId}`)).statusCode).toBe(404);
    // Open boards and both panels learn that the deal moved to the kept customer.
    const events = (await callAs(t, admin, 'GET', '/events?after=0&limit=1000')).json<{
      items: { type: string; dealId?: string; customerIds?: string[] }[];
    }>();
    expect(events.items.filter((event) => event.type === 'deal.changed').at(-1)).toMatchObject({
      dealId: deal.json().id,
      customerIds: [valentina.customerId, vale.customerId],
    });
  });

  it('pours a thread on the same channel into the kept one: every message once, in order, list fields fixed', async () => {
    const first = await customerWhoWrote(t, admin, { from: '5215512340002', channelType: 'whatsapp' });
    // The same person also writes from a second number on the same channel: a second customer.
    const texts = ['uno', 'dos', 'tres', 'cuatro'];
    let twinConversationId = '';
    for (const [index, text] of texts.entries()) {
      t.clock.advance(60_000);
      const writer = index % 2 === 0 ? '5215512340002' : '5215512340003';
      const written = await customerWrites(t.db, first.channel, { from: writer, text, at: t.clock.now() });
      if (index % 2 === 1) twinConversationId = written.conversationId;
    }
    const twin = (await callAs(t, admin, 'GET', `/conversations/${twinConversationId}`)).json<Conversation>();
    const unreadBefore = (
      await callAs(t, admin, 'GET', `/conversations/${first.conversationId}`)
    ).json<Conversation>().unreadCount;

    const response = await merge(admin, first.customerId, twin.customer.id);
    expect(response.statusCode).toBe(200);
    expect(response.json<CustomerProfile>().conversations.map((item) => item.id)).toEqual([
      first.conversationId,
    ]);
    const thread = await threadOf(first.conversationId);
    const inbound = thread
      .filter((message) => message.direction === 'inbound')
      .map((message) => message.text);
    expect(inbound.filter((text) => texts.includes(text ?? ''))).toEqual(texts);
    expect(new Set(thread.map((message) => message.id)).size).toBe(thread.length);
    const row = (
      await callAs(t, admin, 'GET', `/conversations/${first.conversationId}`)
    ).json<Conversation>();
    expect(row.lastMessage?.preview).toBe('cuatro');
    expect(row.unreadCount).toBe(unreadBefore + twin.unreadCount);
    expect((await callAs(t, admin, 'GET', `/conversations/${twinConversationId}`)).statusCode).toBe(404);
    const list = (await callAs(t, admin, 'GET', '/conversations?tab=all')).json<{ items: Conversation[] }>()
      .items;
    expect(list.map((item) => item.id)).toEqual([first.conversationId]);
    const events = (await callAs(t, admin, 'GET', '/events?after=0&limit=1000')).json<EventsResponse>().items;
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'conversation.removed', conversationId: twinConversationId }),
    );
  });

  it('lets agents merge only customers they can see both of, and changes nothing when refused', async () => {
    const agent = await addMember(t.app, admin, 'agent', { assignedOnly: true });
    const mine = await customerWhoWrote(t, admin, { from: '5215512340004' });
    const hidden = await customerWhoWrote(t, admin, { from: 'psid-hidden', channelType: 'messenger' });
    await assignTo(t, admin, mine.conversationId, agent);
    await callAs(t, admin, 'POST', `/customers/${hidden.customerId}/notes`, { body: 'Nota privada' });

    const refused = await merge(agent, mine.customerId, hidden.customerId);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
      fields: [{ field: 'body.from' }],
    });
    expect((await profileOf(admin, hidden.customerId)).conversations.map((item) => item.id)).toEqual([
      hidden.conversationId,
    ]);
    expect((await recordOf(hidden.customerId)).notes).toEqual(['Nota privada']);

    await assignTo(t, admin, hidden.conversationId, agent);
    expect((await merge(agent, mine.customerId, hidden.customerId)).statusCode).toBe(200);
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const third = await customerWhoWrote(t, admin, { from: '5215512340005' });
    expect((await merge(supervisor, mine.customerId, third.customerId)).statusCode).toBe(200);
  });

  it('names the field when a customer is merged with itself or with one of another workspace', async () => {
    const { customerId } = await customerWhoWrote(t, admin, { from: '5215512340006' });
    const itself = await merge(admin, customerId, customerId);
    expect(itself.statusCode).toBe(400);
    expect(itself.json().error.fields[0].field).toBe('body.from');
    const missing = await callAs(t, admin, 'POST', `/customers/${customerId}/merge`, {});
    expect(missing.json().error.fields[0].field).toBe('body.from');

    const other = await createAnotherWorkspace(t.app, t.db);
    const theirs = await customerWhoWrote(t, other, { from: '5215512340007' });
    const across = await merge(admin, customerId, theirs.customerId);
    expect(across.statusCode).toBe(404);
    expect(across.json().error.fields[0].field).toBe('body.from');
    expect((await merge(other, theirs.customerId, customerId)).statusCode).toBe(404);
    expect((await profileOf(other, theirs.customerId)).conversations).toHaveLength(1);
    expect((await profileOf(admin, customerId)).conversations).toHaveLength(1);
  });
});
