import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type MetaSandbox, startMetaSandbox } from '@charla/meta-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  as,
  createTestApp,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  uploadFile,
} from '../testing/index.ts';

/**
 * Charla against the Meta sandbox over real HTTP: the sandbox posts signed webhooks to Charla's
 * listening port, and Charla calls the sandbox as its Graph API. Nothing sandbox-specific runs
 * in the server: only META_GRAPH_URL and the app secret point at it.
 */
let sandbox: MetaSandbox;
let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  sandbox = await startMetaSandbox({
    port: 0,
    host: '127.0.0.1',
    webhookUrl: null,
    appSecret: 'sandbox-app-secret',
  });
  t = await createTestApp(
    {
      META_GRAPH_URL: sandbox.graphUrl,
      META_APP_SECRET: 'sandbox-app-secret',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'charla-rt-')),
    },
    { sender: 'graph' },
  );
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  sandbox.configure({ webhookUrl: `${address}/webhooks/meta` });
  admin = await setUpWorkspace(t.app);
  const connect = (payload: Record<string, unknown>) =>
    t.app.inject(as(admin, { method: 'POST', url: '/api/v1/channels', payload }));
  expect(
    (
      await connect({
        type: 'whatsapp',
        name: 'Ventas',
        phoneNumberId: '106540352242922',
        wabaId: '102290129340398',
        accessToken: 'sandbox-whatsapp-token',
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await connect({
        type: 'messenger',
        name: 'Página',
        pageId: '1122334455667788',
        accessToken: 'sandbox-page-token',
      })
    ).statusCode,
  ).toBe(201);
});

afterEach(async () => {
  await t.close();
  await sandbox.close();
});

/** How many WhatsApp sends the sandbox accepted. */
async function whatsappSends(): Promise<number> {
  const answer = z
    .object({ sent: z.array(z.unknown()) })
    .parse(await (await fetch(`${sandbox.url}/__sandbox/sent?operation=whatsapp.send`)).json());
  return answer.sent.length;
}

/** Lets every webhook the sandbox has in flight land, then processes what Charla stored. */
async function settle() {
  await sandbox.idle();
  await t.deps.webhookProcessor.drain();
}

async function onlyConversation() {
  const list = (await t.app.inject(as(admin, { url: '/api/v1/conversations?tab=all' }))).json();
  expect(list.items).toHaveLength(1);
  return list.items[0];
}

async function outbound(conversationId: string) {
  const thread = (
    await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))
  ).json().items;
  return thread.filter((message: { direction: string }) => message.direction === 'outbound');
}

async function reply(conversationId: string, clientId: string, text = 'Con gusto te ayudo') {
  const response = await t.app.inject(
    as(admin, {
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      payload: { type: 'text', clientId, text },
    }),
  );
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('Charla with the Meta sandbox', () => {
  it('receives a customer, replies, and sees the ticks go sent → delivered → read', async () => {
    const result = sandbox.inbound({
      channel: 'whatsapp',
      type: 'text',
      text: '¿Hacen envíos a Monterrey? 🚚',
      name: 'Mariana Gómez',
    });
    await result.delivered;
    await settle();
    const conversation = await onlyConversation();
    expect(conversation).toMatchObject({ status: 'new', customer: { displayName: 'Mariana Gómez' } });

    await reply(conversation.id, 'roundtrip-001');
    await t.deps.worker.drain();
    await settle();
    const [sent] = await outbound(conversation.id);
    expect(sent.delivery.state).toBe('read');
    expect(await whatsappSends()).toBe(1);
  });

  it('retries through 5xx and throttling and delivers each message once', async () => {
    await sandbox.inbound({ channel: 'whatsapp', type: 'text', text: 'hola' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    sandbox.faults.add({ kind: 'http-error', operation: 'whatsapp.send', status: 503, times: 1 });
    sandbox.faults.add({ kind: 'throttle', operation: 'whatsapp.send', code: 130429, times: 1 });
    await reply(conversation.id, 'retry-00001');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await t.deps.worker.drain();
      t.clock.advance(120_000);
    }
    await settle();
    expect(await whatsappSends()).toBe(1);
    expect((await outbound(conversation.id))[0].delivery.state).toBe('read');
  });

  it('does not re-send blindly when the answer to a send was lost', async () => {
    await sandbox.inbound({ channel: 'whatsapp', type: 'text', text: 'hola' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    sandbox.faults.add({ kind: 'drop-response', operation: 'whatsapp.send', times: 1 });
    const message = await reply(conversation.id, 'dropped-0001');
    await t.deps.worker.drain();
    // The send went through at Meta; its status webhooks carry our id and arrive meanwhile.
    await settle();
    t.clock.advance(10 * 60_000);
    await t.deps.worker.drain();
    expect(await whatsappSends()).toBe(1);
    const [stored] = await outbound(conversation.id);
    expect(stored).toMatchObject({ id: message.id, delivery: { state: 'read' } });
  });

  it('marks a message failed with the reason when the number is not on WhatsApp', async () => {
    await sandbox.inbound({ channel: 'whatsapp', type: 'text', text: 'hola' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    sandbox.faults.add({ kind: 'undeliverable', operation: 'whatsapp.send', mode: 'sync', times: 1 });
    await reply(conversation.id, 'undeliv-0001');
    await t.deps.worker.drain();
    const [message] = await outbound(conversation.id);
    expect(message.delivery).toMatchObject({ state: 'failed', errorCode: '131026' });
  });

  it('sends a template with an image header and a template with named variables, as Meta takes them', async () => {
    await sandbox.inbound({ channel: 'whatsapp', type: 'text', text: 'hola' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    const channelId = conversation.channel.id;
    expect(
      (await t.app.inject(as(admin, { method: 'POST', url: `/api/v1/channels/${channelId}/templates/sync` })))
        .statusCode,
    ).toBe(200);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);
    const photo = (await uploadFile(t.app, admin, jpeg, 'chamarra.jpg', `?channelId=${channelId}`)).json();
    const send = (clientId: string, template: Record<string, unknown>) =>
      t.app.inject(
        as(admin, {
          method: 'POST',
          url: `/api/v1/conversations/${conversation.id}/messages`,
          payload: { type: 'template', clientId, ...template },
        }),
      );
    const orderUpdate = {
      templateName: 'order_update',
      language: 'en_US',
      parameters: ['Mariana', '#4821', 'May 3'],
    };

    const withoutPhoto = await send('header-0000', orderUpdate);
    expect(withoutPhoto.statusCode).toBe(400);
    expect(withoutPhoto.json().error.fields).toEqual([
      { field: 'body.headerMediaId', message: 'is required: the template has an image header' },
    ]);
    const pdf = (await uploadFile(t.app, admin, Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'factura.pdf')).json();
    const wrongKind = await send('header-0001', { ...orderUpdate, headerMediaId: pdf.id });
    expect(wrongKind.json().error.fields[0]).toMatchObject({ field: 'body.headerMediaId' });
    expect(wrongKind.json().error.fields[0].message).toContain('must be an image');
    const noHeader = await send('header-0002', {
      templateName: 'hello_world',
      language: 'en_US',
      headerMediaId: photo.id,
    });
    expect(noHeader.json().error.fields[0]).toMatchObject({ field: 'body.headerMediaId' });

    expect((await send('header-0003', { ...orderUpdate, headerMediaId: photo.id })).statusCode).toBe(201);
    const named = await send('named-00001', {
      templateName: 'order_confirmation',
      language: 'en_US',
      parameters: ['Mariana', '#4821'],
    });
    expect(named.statusCode).toBe(201);
    await t.deps.worker.drain();
    await settle();

    // The two sends run side by side: compare them in name order.
    const sent = sandbox.sent
      .list({ operation: 'whatsapp.send' })
      .map((record) => record.payload as { template: { name: string } })
      .sort((a, b) => a.template.name.localeCompare(b.template.name));
    expect(sent).toMatchObject([
      {
        template: {
          name: 'order_confirmation',
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', parameter_name: 'first_name', text: 'Mariana' },
                { type: 'text', parameter_name: 'order_number', text: '#4821' },
              ],
            },
          ],
        },
      },
      {
        template: {
          name: 'order_update',
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { id: expect.any(String) } }] },
            { type: 'body', parameters: [{ type: 'text', text: 'Mariana' }, {}, {}] },
          ],
        },
      },
    ]);
    const templates = (await outbound(conversation.id)).filter(
      (message: { kind: string }) => message.kind === 'template',
    );
    expect(templates.map((message: { delivery: { state: string } }) => message.delivery.state)).toEqual([
      'read',
      'read',
    ]);
    expect(templates[0]).toMatchObject({
      content: { mediaHeader: 'image' },
      attachments: [{ mimeType: 'image/jpeg', fileName: 'chamarra.jpg' }],
    });
  });

  it('downloads a customer’s photo through the Graph API and serves it to members', async () => {
    await sandbox.inbound({ channel: 'whatsapp', type: 'image', caption: 'así llegó' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    await t.deps.worker.drain();
    const thread = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversation.id}/messages` }))
    ).json().items;
    const image = thread.find((message: { kind: string }) => message.kind === 'image');
    expect(image.attachments[0].url).toMatch(/^\/api\/v1\/media\//);
    const file = await t.app.inject(as(admin, { url: image.attachments[0].url }));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^image\//);
  });

  it('blocks and unblocks the number through the Cloud API when a member blocks the customer', async () => {
    const { customerId } = await sandbox.inbound({ channel: 'whatsapp', type: 'text', text: 'spam spam' });
    await settle();
    const conversation = await onlyConversation();
    const setBlocked = (blocked: boolean) =>
      t.app.inject(
        as(admin, {
          method: 'PUT',
          url: `/api/v1/conversations/${conversation.id}/blocked`,
          payload: { blocked },
        }),
      );
    expect((await setBlocked(true)).json().customer.blocked).toBe(true);
    await t.deps.worker.drain();
    expect((await setBlocked(false)).json().customer.blocked).toBe(false);
    await t.deps.worker.drain();
    const answer = z
      .object({
        sent: z.array(
          z.object({
            payload: z.object({ method: z.string(), block_users: z.array(z.object({ user: z.string() })) }),
          }),
        ),
      })
      .parse(await (await fetch(`${sandbox.url}/__sandbox/sent?operation=whatsapp.block-users`)).json());
    expect(answer.sent.map((call) => [call.payload.method, call.payload.block_users[0]?.user])).toEqual([
      ['POST', customerId],
      ['DELETE', customerId],
    ]);
  });

  it('replies on Messenger without storing its own echo twice', async () => {
    await sandbox.inbound({ channel: 'messenger', type: 'text', text: 'Hola página' }).delivered;
    await settle();
    const conversation = await onlyConversation();
    await reply(conversation.id, 'messenger-01', '¡Hola! ¿En qué te ayudo?');
    await t.deps.worker.drain();
    await settle();
    const sent = await outbound(conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0].delivery.state).toBe('read');
    // The Page webhook has no name: the profile was looked up through the Graph API.
    const named = (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversation.id}` }))).json();
    expect(named.customer.displayName).not.toBe('—');
    expect(named.customer.displayName.length).toBeGreaterThan(2);
  });
});
