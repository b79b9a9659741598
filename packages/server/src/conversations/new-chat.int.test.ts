import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRow } from '../channels/channels.repo.ts';
import {
  addMember,
  as,
  createChannel,
  createTemplate,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let whatsapp: ChannelRow;

const ORDER_READY = {
  name: 'order_ready',
  language: 'es_MX',
  body: 'Hola {{1}}, tu pedido {{2}} está listo.',
};

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
  await createTemplate(t.db, whatsapp, ORDER_READY);
});
afterEach(async () => t.close());

const start = (payload: Record<string, unknown>, session: TestSession = admin) =>
  t.app.inject(as(session, { method: 'POST', url: '/api/v1/conversations', payload }));

const template = (variables: string[] = ['Ana', '#1042']) => ({
  name: ORDER_READY.name,
  language: ORDER_READY.language,
  variables,
});

async function listed(): Promise<{ id: string; customer: { id: string; phone: string | null } }[]> {
  return (await t.app.inject(as(admin, { url: '/api/v1/conversations?tab=all' }))).json().items;
}

describe('starting a WhatsApp chat from New chat', () => {
  it('creates the customer and conversation for a new number and sends the filled template', async () => {
    const response = await start({
      channelId: whatsapp.id,
      phone: '+52 (55) 1234-5678',
      template: template(),
      clientId: 'new-chat-0001',
    });
    expect(response.statusCode).toBe(201);
    const { conversation, message } = response.json();
    expect(conversation).toMatchObject({
      channel: { id: whatsapp.id },
      customer: { phone: '525512345678', displayName: '+525512345678' },
      assignee: { id: admin.me.member.id },
      lastMessage: { kind: 'template', direction: 'outbound' },
    });
    expect(message).toMatchObject({
      kind: 'template',
      text: 'Hola Ana, tu pedido #1042 está listo.',
      delivery: { state: 'queued' },
      content: { kind: 'template', name: 'order_ready', parameters: ['Ana', '#1042'] },
    });
    expect(await t.deps.worker.drain()).toBe(1);
    expect(t.sender.sent).toHaveLength(1);
    expect(t.sender.sent[0]).toMatchObject({ recipientId: '525512345678' });
    expect((await listed()).map((row) => row.id)).toEqual([conversation.id]);
  });

  it('writes to an existing customer in their existing conversation', async () => {
    const earlier = await customerWrites(t.db, whatsapp, {
      from: '5491155554444',
      profileName: 'Lucía',
      at: t.clock.now() - 3 * 24 * 3_600_000,
    });
    const customerId = (await listed())[0]?.customer.id;
    const response = await start({
      channelId: whatsapp.id,
      customerId,
      template: template(['Lucía', '#2001']),
      clientId: 'new-chat-0002',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().conversation.id).toBe(earlier.conversationId);
    await t.deps.worker.drain();
    expect(t.sender.sent[0]).toMatchObject({ recipientId: '5491155554444' });
    expect(await listed()).toHaveLength(1);
  });

  it('reuses the customer a typed number already belongs to', async () => {
    const earlier = await customerWrites(t.db, whatsapp, { from: '5215511112222', at: t.clock.now() });
    const response = await start({
      channelId: whatsapp.id,
      phone: '+52 1 55 1111 2222',
      template: template(),
      clientId: 'new-chat-0003',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().conversation.id).toBe(earlier.conversationId);
  });

  it('names the phone field when the number is not a usable international number', async () => {
    const response = await start({
      channelId: whatsapp.id,
      phone: '55 12',
      template: template(),
      clientId: 'new-chat-0004',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body.phone', message: expect.stringContaining('country code') }],
    });
    expect(await listed()).toEqual([]);
  });

  it('asks for a phone or a customer, not both and not neither', async () => {
    const neither = await start({ channelId: whatsapp.id, template: template(), clientId: 'new-chat-0005' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields[0].field).toBe('body.phone');
  });

  it('refuses Messenger and Instagram: Meta lets a business start chats only on WhatsApp', async () => {
    const page = await createChannel(t.db, admin.me.workspace.id, 'messenger', 'Página');
    const response = await start({
      channelId: page.id,
      phone: '+52 55 1234 5678',
      template: template(),
      clientId: 'new-chat-0006',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('TEMPLATES_ONLY_ON_WHATSAPP');
    expect(await listed()).toEqual([]);
  });

  it('leaves no empty chat behind when the template is refused, and names the template field', async () => {
    const wrongCount = await start({
      channelId: whatsapp.id,
      phone: '+52 55 1234 5678',
      template: template(['only one']),
      clientId: 'new-chat-0007',
    });
    expect(wrongCount.statusCode).toBe(400);
    expect(wrongCount.json().error.fields[0].field).toBe('body.template.variables');
    const unknown = await start({
      channelId: whatsapp.id,
      phone: '+52 55 1234 5678',
      template: { name: 'nope', language: 'es_MX', variables: [] },
      clientId: 'new-chat-0008',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
      fields: [{ field: 'body.template.name' }],
    });
    expect(await listed()).toEqual([]);
  });

  it('sends once when the same clientId arrives twice, even at the same time', async () => {
    const payload = {
      channelId: whatsapp.id,
      phone: '+52 55 9999 0000',
      template: template(),
      clientId: 'new-chat-twice',
    };
    const [first, second] = await Promise.all([start(payload), start(payload)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json().message.id).toBe(second.json().message.id);
    const third = await start(payload);
    expect(third.statusCode).toBe(200);
    expect(third.json().conversation.id).toBe(first.json().conversation.id);
    await t.deps.worker.drain();
    expect(t.sender.sent).toHaveLength(1);
    expect(await listed()).toHaveLength(1);
  });

  it('two chats started at once to one new number share its customer and conversation, and both send', async () => {
    const payload = (clientId: string) => ({
      channelId: whatsapp.id,
      phone: '+52 55 7777 1234',
      template: template(),
      clientId,
    });
    const answers = await Promise.all([start(payload('race-one-0001')), start(payload('race-two-0002'))]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
    expect(new Set(answers.map((answer) => answer.json().conversation.id)).size).toBe(1);
    await t.deps.worker.drain();
    expect(t.sender.sent).toHaveLength(2);
    expect(await listed()).toHaveLength(1);
  });

  it('does not let an agent write to a number owned by another agent, or supervisors send', async () => {
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const ofAna = await customerWrites(t.db, whatsapp, { from: '5215533334444', at: t.clock.now() });
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${ofAna.conversationId}/assignee`,
        payload: { memberId: ana.me.member.id },
      }),
    );
    const taken = await start(
      {
        channelId: whatsapp.id,
        phone: '+52 1 55 3333 4444',
        template: template(),
        clientId: 'new-chat-0009',
      },
      luis,
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields[0].field).toBe('body.phone');
    const bySupervisor = await start(
      { channelId: whatsapp.id, phone: '+52 55 7777 8888', template: template(), clientId: 'new-chat-0010' },
      supervisor,
    );
    expect(bySupervisor.statusCode).toBe(403);
    expect(bySupervisor.json().error.code).toBe('SUPERVISOR_CANNOT_SEND');
    expect(await listed()).toHaveLength(1);
  });
});
