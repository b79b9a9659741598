import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRow } from '../channels/channels.repo.ts';
import {
  as,
  createChannel,
  createTestApp,
  postMetaWebhook,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  whatsappEnvelope,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let channel: ChannelRow;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  channel = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas MX');
});
afterEach(async () => t.close());

function text(waId: string, wamid: string, body: string) {
  return {
    from: waId,
    id: wamid,
    timestamp: String(Math.floor(t.clock.now() / 1000) - 60),
    type: 'text',
    text: { body },
  };
}

async function post(payload: unknown) {
  expect((await postMetaWebhook(t.app, payload)).statusCode).toBe(200);
}

describe('webhook batches', () => {
  it('applies many stored bodies together, keeping a body that fails from holding back the others', async () => {
    const customers = ['5215511110001', '5215511110002', '5215511110003'];
    for (const [index, waId] of customers.entries()) {
      await post(
        whatsappEnvelope(channel, {
          contacts: [{ name: `Cliente ${index}`, waId }],
          messages: [text(waId, `wamid.batch${index}`, `Hola ${index}`)],
        }),
      );
    }
    // A number nobody connected, and a body with a good message beside a status for a message
    // that does not exist.
    await post(
      whatsappEnvelope(
        { external_id: '999000111' },
        { messages: [text('5215599990000', 'wamid.stray', 'hola')] },
      ),
    );
    await post(
      whatsappEnvelope(channel, {
        contacts: [{ name: 'Cliente 0', waId: customers[0] as string }],
        messages: [text(customers[0] as string, 'wamid.batch-mixed', 'Otra pregunta')],
        statuses: [{ id: 'wamid.unknown', status: 'read', timestamp: '1750000000', recipient_id: '1' }],
      }),
    );
    // Meta redelivers the first body.
    await post(
      whatsappEnvelope(channel, {
        contacts: [{ name: 'Cliente 0', waId: customers[0] as string }],
        messages: [text(customers[0] as string, 'wamid.batch0', 'Hola 0')],
      }),
    );

    expect(await t.deps.webhookProcessor.drain()).toBe(6);

    // Bodies by the first message id they carry (the redelivery shares wamid.batch0's).
    const bodies = await t.db.kysely
      .selectFrom('webhook_events')
      .select(['body', 'status', 'error'])
      .execute();
    const outcome = (wamid: string) =>
      bodies
        .filter((body) => body.body.includes(`"${wamid}"`))
        .map((body) => ({ status: body.status, error: body.error }));
    expect(outcome('wamid.batch0')).toEqual([
      { status: 'processed', error: null },
      { status: 'processed', error: null },
    ]);
    expect(outcome('wamid.batch1')).toEqual([{ status: 'processed', error: null }]);
    expect(outcome('wamid.batch2')).toEqual([{ status: 'processed', error: null }]);
    expect(outcome('wamid.stray')).toEqual([
      { status: 'failed', error: expect.stringContaining('no connected whatsapp channel for id 999000111') },
    ]);
    expect(outcome('wamid.batch-mixed')).toEqual([
      { status: 'failed', error: expect.stringContaining('status for unknown message wamid.unknown') },
    ]);

    const messages = await t.db.kysely
      .selectFrom('messages')
      .select('provider_message_id')
      .orderBy('provider_message_id')
      .execute();
    expect(messages.map((row) => row.provider_message_id)).toEqual([
      'wamid.batch-mixed',
      'wamid.batch0',
      'wamid.batch1',
      'wamid.batch2',
    ]);

    // One message.created per stored message, each carrying its conversation as it stood then
    // (customer 0's second message finds one unread before it).
    const created = await t.db.kysely
      .selectFrom('events')
      .select(['payload'])
      .where('type', '=', 'message.created')
      .execute();
    const texts = created
      .map(
        (row) =>
          JSON.parse(row.payload) as {
            message: { text: string | null; kind: string };
            conversation: { unreadCount: number };
          },
      )
      .filter((payload) => payload.message.kind === 'text');
    expect(texts.map((payload) => payload.message.text).sort()).toEqual([
      'Hola 0',
      'Hola 1',
      'Hola 2',
      'Otra pregunta',
    ]);
    expect(texts.map((payload) => payload.conversation.unreadCount).sort()).toEqual([1, 1, 1, 2]);
  });
});

describe('events of a batch', () => {
  it('are appended in the order the batch applied them, each message.created showing the message as the thread does', async () => {
    const waId = '5215511110009';
    const sentAt = Math.floor(t.clock.now() / 1000) - 300;
    const messages = [
      { ...text(waId, 'wamid.order1', '¿Cuánto cuesta?'), timestamp: String(sentAt) },
      {
        ...text(waId, 'wamid.order2', 'ese mismo'),
        timestamp: String(sentAt + 1),
        context: { from: waId, id: 'wamid.order1' },
      },
      { ...text(waId, 'wamid.order3', '¿Hay en rojo?'), timestamp: String(sentAt + 2) },
    ];
    for (const message of messages) {
      await post(whatsappEnvelope(channel, { contacts: [{ name: 'Ana', waId }], messages: [message] }));
    }
    expect(await t.deps.webhookProcessor.drain()).toBe(3);

    const created = await t.db.kysely
      .selectFrom('events')
      .select(['id', 'payload'])
      .where('type', '=', 'message.created')
      .orderBy('id')
      .execute();
    const payloads = created
      .map(
        (row) =>
          JSON.parse(row.payload) as {
            message: { kind: string; text: string | null; conversationId: string };
            conversation: { unreadCount: number };
          },
      )
      .filter((payload) => payload.message.kind === 'text');
    expect(payloads.map((payload) => [payload.message.text, payload.conversation.unreadCount])).toEqual([
      ['¿Cuánto cuesta?', 1],
      ['ese mismo', 2],
      ['¿Hay en rojo?', 3],
    ]);

    const conversationId = payloads[0]?.message.conversationId ?? '';
    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
    ).json().items as { kind: string }[];
    expect(payloads.map((payload) => payload.message)).toEqual(
      thread.filter((message) => message.kind === 'text'),
    );
    expect(payloads[1]?.message).toMatchObject({ replyTo: { preview: '¿Cuánto cuesta?' } });
  });
});
