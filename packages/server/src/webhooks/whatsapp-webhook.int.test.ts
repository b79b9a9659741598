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
  testEngine,
  waitUntilBlockedOnLock,
  whatsappEnvelope,
} from '../testing/index.ts';
import { requeueWebhookEvents } from './webhook-events.repo.ts';

let t: TestApp;
let admin: TestSession;
let channel: ChannelRow;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  channel = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas MX');
});
afterEach(async () => t.close());

const WA_ID = '5215512345678';
let seq = 0;
function inbound(type: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  seq += 1;
  return {
    from: WA_ID,
    id: `wamid.test${seq}.${type}`,
    timestamp: String(Math.floor(t.clock.now() / 1000) - 3600 + seq),
    type,
    ...body,
    ...extra,
  };
}

async function deliver(messages: unknown[], name = 'Sheena Nelson') {
  const response = await postMetaWebhook(
    t.app,
    whatsappEnvelope(channel, { contacts: [{ name, waId: WA_ID }], messages }),
  );
  expect(response.statusCode).toBe(200);
  await t.deps.webhookProcessor.drain();
}

async function onlyConversation() {
  const list = (await t.app.inject(as(admin, { url: '/api/v1/conversations?tab=all' }))).json();
  expect(list.items).toHaveLength(1);
  return list.items[0];
}

async function threadOf(conversationId: string) {
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))).json()
    .items;
}

describe('the Meta webhook endpoint', () => {
  it('answers the verification handshake only with the right token', async () => {
    const ok = await t.app.inject({
      url: '/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=test-verify-token',
    });
    expect([ok.statusCode, ok.body]).toEqual([200, '1158201444']);
    const wrong = await t.app.inject({
      url: '/webhooks/meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope',
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const response = await postMetaWebhook(
      t.app,
      whatsappEnvelope(channel, { messages: [inbound('text', { text: { body: 'hola' } })] }),
      'wrong-secret',
    );
    expect(response.statusCode).toBe(401);
    const stored = await t.db.kysely.selectFrom('webhook_events').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('stores well-signed garbage as failed and still answers 200', async () => {
    const response = await postMetaWebhook(t.app, '{"object": "whatsapp_business_account", "entry": [');
    expect(response.statusCode).toBe(200);
    const [row] = await t.db.kysely.selectFrom('webhook_events').selectAll().execute();
    expect(row).toMatchObject({ status: 'failed', error: 'malformed JSON' });
  });

  it('creates the customer and conversation from a message with accents and emoji, keeping the profile name', async () => {
    await deliver(
      [inbound('text', { text: { body: '¿Tienen la talla M en azul? 😀 Gracias, ñandú' } })],
      'José Ñúñez',
    );
    const conversation = await onlyConversation();
    expect(conversation).toMatchObject({
      status: 'new',
      unreadCount: 1,
      customer: { displayName: 'José Ñúñez', phone: WA_ID },
    });
    const [message] = await threadOf(conversation.id);
    expect(message).toMatchObject({
      direction: 'inbound',
      kind: 'text',
      text: '¿Tienen la talla M en azul? 😀 Gracias, ñandú',
    });
  });
});

describe('WhatsApp message types', () => {
  it('maps every inbound type of the reference to a message kind, keeping the unknown as unsupported', async () => {
    await deliver([
      inbound('text', { text: { body: 'Hola' } }),
      inbound('image', {
        image: { caption: 'Taj Mahal', mime_type: 'image/jpeg', sha256: 'abc=', id: '1003383421387256' },
      }),
      inbound('video', {
        video: { caption: 'unboxing', mime_type: 'video/mp4', sha256: 'x', id: '765756756' },
      }),
      inbound('audio', {
        audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'm0', id: '1234567890987654', voice: true },
      }),
      inbound('document', {
        document: {
          caption: 'factura',
          filename: 'factura-42.pdf',
          mime_type: 'application/pdf',
          sha256: 'g',
          id: '55',
        },
      }),
      inbound('sticker', { sticker: { mime_type: 'image/webp', sha256: 'O', id: '56', animated: true } }),
      inbound('location', {
        location: { latitude: 19.4326, longitude: -99.1332, name: 'Zócalo', address: 'Centro, CDMX' },
      }),
      inbound('contacts', {
        contacts: [
          {
            name: { formatted_name: 'Jane Roe', first_name: 'Jane' },
            phones: [{ phone: '+1 555-555-0100', wa_id: '15555550100' }],
            emails: [{ email: 'jane@example.com' }],
          },
        ],
      }),
      inbound(
        'interactive',
        { interactive: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancelar' } } },
        { context: { from: '15550783881', id: 'wamid.MY_BUTTONS' } },
      ),
      inbound('interactive', {
        interactive: {
          type: 'list_reply',
          list_reply: { id: 'express', title: 'Envío exprés', description: '1 día' },
        },
      }),
      inbound('button', { button: { payload: 'STOP_PROMOS', text: 'No más promociones' } }),
      inbound('order', {
        order: {
          catalog_id: '354160437058781',
          text: 'después de las 6pm',
          product_items: [{ product_retailer_id: 'SKU-1', quantity: 3, item_price: 30, currency: 'MXN' }],
        },
      }),
      inbound(
        'unsupported',
        {},
        {
          errors: [
            {
              code: 131051,
              title: 'Message type unknown',
              message: 'Message type unknown',
              error_data: { details: 'Message type is currently not supported.' },
            },
          ],
        },
      ),
      inbound('poll_v9', { poll_v9: { question: '?' } }),
    ]);
    const conversation = await onlyConversation();
    const thread = await threadOf(conversation.id);
    const inboundMessages = thread.filter(
      (message: { direction: string }) => message.direction === 'inbound',
    );
    expect(inboundMessages.map((message: { kind: string }) => message.kind)).toEqual([
      'text',
      'image',
      'video',
      'audio',
      'document',
      'sticker',
      'location',
      'contacts',
      'interactive_reply',
      'interactive_reply',
      'interactive_reply',
      'unsupported',
      'unsupported',
      'unsupported',
    ]);
    const byKind = (kind: string) =>
      inboundMessages.find((message: { kind: string }) => message.kind === kind);
    expect(byKind('image')).toMatchObject({
      text: 'Taj Mahal',
      attachments: [{ mimeType: 'image/jpeg', url: null }],
    });
    expect(byKind('audio').content).toEqual({ kind: 'audio', voice: true });
    expect(byKind('document').attachments[0]).toMatchObject({
      fileName: 'factura-42.pdf',
      caption: 'factura',
    });
    expect(byKind('location').content).toEqual({
      kind: 'location',
      latitude: 19.4326,
      longitude: -99.1332,
      name: 'Zócalo',
      address: 'Centro, CDMX',
    });
    expect(byKind('contacts').content.contacts).toEqual([
      { name: 'Jane Roe', phones: ['+1 555-555-0100'], emails: ['jane@example.com'] },
    ]);
    expect(inboundMessages[8].content).toEqual({
      kind: 'interactive_reply',
      replyId: 'cancel-button',
      title: 'Cancelar',
    });
    expect(inboundMessages[10].content).toEqual({
      kind: 'interactive_reply',
      replyId: 'STOP_PROMOS',
      title: 'No más promociones',
    });
    expect(inboundMessages[11].content).toEqual({ kind: 'unsupported', providerType: 'order' });
    expect(inboundMessages[12].text).toBe('Message type is currently not supported.');
    expect(inboundMessages[13].content).toEqual({ kind: 'unsupported', providerType: 'poll_v9' });
  });

  it('attaches a reaction to its message and removes it with an empty emoji', async () => {
    const original = inbound('text', { text: { body: 'Mira esto' } });
    await deliver([original]);
    await deliver([inbound('reaction', { reaction: { message_id: original.id, emoji: '😮' } })]);
    const conversation = await onlyConversation();
    let [message] = await threadOf(conversation.id);
    expect(message.reactions).toEqual([{ emoji: '😮', by: 'customer', memberId: null }]);
    await deliver([inbound('reaction', { reaction: { message_id: original.id, emoji: '' } })]);
    [message] = await threadOf(conversation.id);
    expect(message.reactions).toEqual([]);
  });

  it('quotes the message a customer replied to', async () => {
    const original = inbound('text', { text: { body: '¿Cuánto cuesta?' } });
    await deliver([original]);
    await deliver([
      inbound('text', { text: { body: 'ese mismo' } }, { context: { from: WA_ID, id: original.id } }),
    ]);
    const thread = await threadOf((await onlyConversation()).id);
    expect(thread.at(-1).replyTo).toMatchObject({ preview: '¿Cuánto cuesta?' });
  });
});

describe('duplicates and ordering', () => {
  it('ends with one customer, one conversation and one message when each webhook arrives 1–3 times, concurrently, in any order', async () => {
    const messages = Array.from({ length: 12 }, (_, i) =>
      inbound('text', { text: { body: `mensaje ${i}` } }),
    );
    const bodies = messages.flatMap((message, i) =>
      Array.from({ length: (i % 3) + 1 }, () =>
        whatsappEnvelope(channel, { contacts: [{ name: 'Ana', waId: WA_ID }], messages: [message] }),
      ),
    );
    bodies.sort((a, b) => JSON.stringify(b).localeCompare(JSON.stringify(a)));
    const responses = await Promise.all(bodies.map((body) => postMetaWebhook(t.app, body)));
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    await t.deps.webhookProcessor.drain();

    const customers = await t.db.kysely.selectFrom('customers').select('id').execute();
    const conversations = await t.db.kysely.selectFrom('conversations').select('id').execute();
    const stored = await t.db.kysely
      .selectFrom('messages')
      .select('body')
      .where('direction', '=', 'inbound')
      .execute();
    expect(customers).toHaveLength(1);
    expect(conversations).toHaveLength(1);
    expect(stored.map((row) => row.body).sort()).toEqual(messages.map((_, i) => `mensaje ${i}`).sort());
    const thread = await threadOf(conversations[0]?.id ?? '');
    expect(thread.map((message: { text: string }) => message.text)).toEqual(
      messages.map((_, i) => `mensaje ${i}`),
    );
  });
});

describe('delivery statuses', () => {
  async function sentMessage() {
    await deliver([inbound('text', { text: { body: 'Hola' } })]);
    const conversation = await onlyConversation();
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: `/api/v1/conversations/${conversation.id}/messages`,
        payload: { type: 'text', clientId: `out-${Date.now()}`, text: 'Con gusto' },
      }),
    );
    await t.deps.worker.drain();
    const outbound = (await threadOf(conversation.id)).find(
      (message: { direction: string }) => message.direction === 'outbound',
    );
    const row = await t.db.kysely
      .selectFrom('messages')
      .select('provider_message_id')
      .where('id', '=', outbound.id)
      .executeTakeFirstOrThrow();
    return { conversationId: conversation.id, messageId: outbound.id, wamid: row.provider_message_id ?? '' };
  }
  const status = (wamid: string, state: string, extra: Record<string, unknown> = {}) => ({
    id: wamid,
    status: state,
    timestamp: '1750030073',
    recipient_id: WA_ID,
    ...extra,
  });

  it('only moves forward, whatever order and how many times the statuses arrive', async () => {
    const { conversationId, wamid } = await sentMessage();
    for (const state of ['read', 'delivered', 'sent', 'delivered', 'read']) {
      expect(
        (await postMetaWebhook(t.app, whatsappEnvelope(channel, { statuses: [status(wamid, state)] })))
          .statusCode,
      ).toBe(200);
    }
    await t.deps.webhookProcessor.drain();
    const message = (await threadOf(conversationId)).find(
      (item: { direction: string }) => item.direction === 'outbound',
    );
    expect(message.delivery.state).toBe('read');
    const row = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }))).json();
    expect(row.lastMessage.deliveryState).toBe('read');
  });

  // Two nodes on one PostgreSQL database can apply statuses of the same message at once.
  if (testEngine() === 'postgres') {
    it('never lets a status applied by another node at the same moment move a message backwards', async () => {
      const { messageId, wamid } = await sentMessage();
      const other = t.db.reopen();
      try {
        // The other node has marked it read but not committed yet; this node applies "delivered".
        let drained: Promise<number> = Promise.resolve(0);
        await other.kysely.transaction().execute(async (trx) => {
          await trx
            .updateTable('messages')
            .set({ delivery_state: 'read' })
            .where('id', '=', messageId)
            .execute();
          await postMetaWebhook(t.app, whatsappEnvelope(channel, { statuses: [status(wamid, 'delivered')] }));
          drained = t.deps.webhookProcessor.drain();
          // This node's update now waits on the other's row lock; then the other commits.
          await waitUntilBlockedOnLock(other);
        });
        await drained;
      } finally {
        await other.close();
      }
      const row = await t.db.kysely
        .selectFrom('messages')
        .select('delivery_state')
        .where('id', '=', messageId)
        .executeTakeFirstOrThrow();
      expect(row.delivery_state).toBe('read');
    });
  }

  it('keeps the failure code and reason of a failed status', async () => {
    const { conversationId, wamid } = await sentMessage();
    await postMetaWebhook(
      t.app,
      whatsappEnvelope(channel, {
        statuses: [
          status(wamid, 'failed', {
            errors: [
              {
                code: 131047,
                title: 'Re-engagement message',
                message: 'Re-engagement message',
                error_data: {
                  details:
                    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
                },
              },
            ],
          }),
        ],
      }),
    );
    await t.deps.webhookProcessor.drain();
    const message = (await threadOf(conversationId)).find(
      (item: { direction: string }) => item.direction === 'outbound',
    );
    expect(message.delivery).toMatchObject({ state: 'failed', errorCode: '131047' });
    expect(message.delivery.errorReason).toContain('24 hours');
  });

  it('matches a status to a send whose answer was lost, by the callback data', async () => {
    await deliver([inbound('text', { text: { body: 'Hola' } })]);
    const conversation = await onlyConversation();
    const sent = (
      await t.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/v1/conversations/${conversation.id}/messages`,
          payload: { type: 'text', clientId: 'lost-answer-1', text: 'Hola' },
        }),
      )
    ).json();
    await postMetaWebhook(
      t.app,
      whatsappEnvelope(channel, {
        statuses: [status('wamid.LOST', 'delivered', { biz_opaque_callback_data: sent.id })],
      }),
    );
    await t.deps.webhookProcessor.drain();
    const message = (await threadOf(conversation.id)).find((item: { id: string }) => item.id === sent.id);
    expect(message.delivery.state).toBe('delivered');
    expect(await t.deps.worker.drain()).toBe(1);
    expect(t.sender.sent).toHaveLength(0);
  });
});

describe('routing', () => {
  it('stores a payload for an unknown number, answers 200, and applies it once the channel exists', async () => {
    const stranger = { external_id: '999000111' };
    expect(
      (
        await postMetaWebhook(
          t.app,
          whatsappEnvelope(stranger, { messages: [inbound('text', { text: { body: 'hola' } })] }),
        )
      ).statusCode,
    ).toBe(200);
    await t.deps.webhookProcessor.drain();
    const [row] = await t.db.kysely.selectFrom('webhook_events').selectAll().execute();
    expect(row?.status).toBe('failed');
    expect(row?.error).toContain('no connected whatsapp channel for id 999000111');

    // An admin connects that number, then replays (what `charla webhooks replay` does).
    await t.db.kysely
      .updateTable('channels')
      .set({ external_id: '999000111' })
      .where('id', '=', channel.id)
      .execute();
    expect(await requeueWebhookEvents(t.db.kysely, 'all-failed')).toBe(1);
    await t.deps.webhookProcessor.drain();
    expect(
      (await t.db.kysely.selectFrom('webhook_events').selectAll().executeTakeFirstOrThrow()).status,
    ).toBe('processed');
    expect((await onlyConversation()).lastMessage.preview).toBe('hola');
  });
});
