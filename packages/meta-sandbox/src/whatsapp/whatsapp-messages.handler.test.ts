import { afterEach, describe, expect, it } from 'vitest';
import {
  isStatusOf,
  parsed,
  pick,
  pickString,
  type SandboxFixture,
  startSandboxFixture,
  statusesOf,
} from '../testing/sandbox.fixture.ts';

const PHONE = '106540352242922';
const HOUR = 3600_000;

describe('WhatsApp send API', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  async function customerWrites(from: string, timestamp?: number): Promise<string> {
    const { messageId } = await fixture.inbound({
      channel: 'whatsapp',
      type: 'text',
      from,
      name: 'José Núñez',
      ...(timestamp ? { timestamp } : {}),
    });
    return messageId;
  }

  it('answers a text send in Meta’s shape and follows with sent, delivered and read webhooks in order', async () => {
    fixture = await startSandboxFixture();
    await customerWrites('5491123456789');
    const answer = await fixture.graph(`/${PHONE}/messages`, {
      json: {
        messaging_product: 'whatsapp',
        to: '+5491123456789',
        type: 'text',
        text: { body: '¡Hola! ¿En qué te ayudo?' },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+5491123456789', wa_id: '5491123456789' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const id = pickString(answer.body, 'messages', 0, 'id');
    const webhooks = await fixture.receiver.waitFor(3, isStatusOf(id));
    webhooks.forEach(parsed);
    const statuses = statusesOf(webhooks);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[0]?.raw).toMatchObject({
      recipient_id: '5491123456789',
      conversation: { origin: { type: 'service' }, expiration_timestamp: expect.any(String) },
      pricing: { pricing_model: 'PMP', category: 'service', type: 'free_customer_service', billable: false },
    });
    expect(statuses[1]?.raw).toHaveProperty('pricing');
    expect(statuses[2]?.raw).not.toHaveProperty('pricing');
  });

  it('accepts every message type, by media id or link, with a reply context, and logs each send', async () => {
    fixture = await startSandboxFixture();
    const quoted = await customerWrites('573001234567');
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('%PDF-1.4 test')], { type: 'application/pdf' }), 'factura.pdf');
    const mediaId = pickString((await fixture.graph(`/${PHONE}/media`, { form })).body, 'id');
    const to = '+57 300 123 4567';
    const bodies: Record<string, unknown>[] = [
      { type: 'text', text: { body: 'Claro 👍', preview_url: false }, context: { message_id: quoted } },
      { type: 'image', image: { link: 'https://cdn.example.com/a.jpg', caption: 'Tu recibo' } },
      { type: 'video', video: { link: 'https://cdn.example.com/demo.mp4' } },
      { type: 'audio', audio: { link: 'https://cdn.example.com/voz.ogg' } },
      { type: 'document', document: { id: mediaId, filename: 'factura.pdf', caption: 'Factura' } },
      { type: 'sticker', sticker: { link: 'https://cdn.example.com/s.webp' } },
      {
        type: 'location',
        location: { latitude: 4.5981, longitude: -74.0758, name: 'Tienda', address: 'Cra. 7' },
      },
      {
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Soporte' }, phones: [{ phone: '+15550100200' }] }],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: '¿Confirmas tu cita?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Sí' } }] },
        },
      },
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: '¿Qué envío prefieres?' },
          action: {
            button: 'Opciones',
            sections: [{ title: 'Rápido', rows: [{ id: 'express', title: 'Express' }] }],
          },
        },
      },
      {
        type: 'template',
        template: {
          name: 'actualizacion_pedido',
          language: { code: 'es_MX' },
          components: [
            {
              type: 'header',
              parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/p.jpg' } }],
            },
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'José' },
                { type: 'text', text: '#4821' },
                { type: 'date_time', date_time: { fallback_value: '3 de marzo' } },
              ],
            },
            { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '4821' }] },
          ],
        },
      },
      { type: 'reaction', reaction: { message_id: quoted, emoji: '❤️' } },
    ];
    for (const body of bodies) {
      const answer = await fixture.graph(`/${PHONE}/messages`, {
        json: { messaging_product: 'whatsapp', to, ...body },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(pick(answer.body, 'contacts', 0, 'wa_id')).toBe('573001234567');
    }
    const sends = fixture.sandbox.sent.list({ operation: 'whatsapp.send' });
    expect(sends).toHaveLength(bodies.length);
    expect(sends.every((s) => s.recipient === '573001234567' && s.assetId === PHONE)).toBe(true);
    expect(pick(sends[0]?.payload, 'context', 'message_id')).toBe(quoted);
  });

  it('marks a message read and shows the typing indicator, answering {success: true}', async () => {
    fixture = await startSandboxFixture();
    const inbound = await customerWrites('56912345678');
    for (const extra of [{}, { typing_indicator: { type: 'text' } }]) {
      const answer = await fixture.graph(`/${PHONE}/messages`, {
        json: { messaging_product: 'whatsapp', status: 'read', message_id: inbound, ...extra },
      });
      expect(answer).toMatchObject({ status: 200, body: { success: true } });
    }
    expect(fixture.sandbox.sent.list({ operation: 'whatsapp.mark-read' })).toHaveLength(2);
  });

  it('rejects an unknown template with 132001 and a wrong parameter count with 132000', async () => {
    fixture = await startSandboxFixture();
    const send = (template: unknown) =>
      fixture.graph(`/${PHONE}/messages`, {
        json: { messaging_product: 'whatsapp', to: '+15125550100', type: 'template', template },
      });
    const unknown = await send({ name: 'no_such_template', language: { code: 'es' } });
    expect(unknown.status).toBe(404);
    expect(pick(unknown.body, 'error', 'code')).toBe(132001);
    const pending = await send({ name: 'encuesta_satisfaccion', language: { code: 'es' } });
    expect(pick(pending.body, 'error', 'code')).toBe(132001);
    const wrongCount = await send({
      name: 'bienvenida',
      language: { code: 'es' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
    });
    expect(pick(wrongCount.body, 'error')).toMatchObject({
      code: 132000,
      error_data: { messaging_product: 'whatsapp' },
    });
    const missing = await fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', type: 'text' },
    });
    expect(pick(missing.body, 'error')).toMatchObject({
      code: 131008,
      error_data: { details: 'The parameter to is required.' },
    });
  });

  it('fails free-form sends with 131047 once 24 h have passed since the customer wrote, but lets templates through', async () => {
    fixture = await startSandboxFixture();
    await customerWrites('13055550123', Date.now() - 25 * HOUR);
    const text = await fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to: '+13055550123', type: 'text', text: { body: 'Hi again' } },
    });
    expect(text.status).toBe(200);
    const failedId = pickString(text.body, 'messages', 0, 'id');
    const [failed] = await fixture.receiver.waitFor(1, isStatusOf(failedId));
    expect(statusesOf(failed ? [failed] : [])[0]?.raw).toMatchObject({
      status: 'failed',
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    });
    const template = await fixture.graph(`/${PHONE}/messages`, {
      json: {
        messaging_product: 'whatsapp',
        to: '+13055550123',
        type: 'template',
        template: { name: 'hello_world', language: { code: 'en_US' } },
      },
    });
    expect(pick(template.body, 'messages', 0, 'message_status')).toBe('accepted');
    const templateId = pickString(template.body, 'messages', 0, 'id');
    const templateStatuses = statusesOf(await fixture.receiver.waitFor(3, isStatusOf(templateId)));
    expect(templateStatuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(templateStatuses[0]?.raw).toMatchObject({
      pricing: { category: 'utility', type: 'regular', billable: true },
    });

    fixture.sandbox.configure({ windowEnforcement: 'sync' });
    const sync = await fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to: '13055550123', type: 'text', text: { body: 'Hello?' } },
    });
    expect(sync.status).toBe(400);
    expect(pick(sync.body, 'error')).toMatchObject({
      code: 131047,
      message: '(#131047) Re-engagement message',
    });

    await customerWrites('13055550123');
    const reopened = await fixture.graph(`/${PHONE}/messages`, {
      json: {
        messaging_product: 'whatsapp',
        to: '13055550123',
        type: 'text',
        text: { body: 'Welcome back' },
      },
    });
    expect(reopened.status).toBe(200);
  });

  it('omits the conversation object from statuses when called on Graph v24 or later', async () => {
    fixture = await startSandboxFixture();
    await customerWrites('51912345678');
    const answer = await fixture.graph(`${fixture.sandbox.url}/v24.0/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to: '+51912345678', type: 'text', text: { body: 'Hola' } },
    });
    const id = pickString(answer.body, 'messages', 0, 'id');
    const [sent] = statusesOf(await fixture.receiver.waitFor(3, isStatusOf(id)));
    expect(sent?.raw).toHaveProperty('pricing');
    expect(sent?.raw).not.toHaveProperty('conversation');
  });

  it('reaches a Mexican customer written without the mobile 1 at the wa_id WhatsApp reports', async () => {
    fixture = await startSandboxFixture();
    await customerWrites('5215512345678');
    const answer = await fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to: '+52 55 1234 5678', type: 'text', text: { body: 'Hola' } },
    });
    expect(pick(answer.body, 'contacts', 0)).toEqual({ input: '+52 55 1234 5678', wa_id: '5215512345678' });
  });

  it('echoes biz_opaque_callback_data in every status', async () => {
    fixture = await startSandboxFixture();
    await customerWrites('5491155550000');
    const answer = await fixture.graph(`/${PHONE}/messages`, {
      json: {
        messaging_product: 'whatsapp',
        to: '+5491155550000',
        type: 'text',
        text: { body: 'Listo' },
        biz_opaque_callback_data: 'charla:msg:01J',
      },
    });
    const statuses = statusesOf(
      await fixture.receiver.waitFor(3, isStatusOf(pickString(answer.body, 'messages', 0, 'id'))),
    );
    expect(statuses.every((s) => s.raw.biz_opaque_callback_data === 'charla:msg:01J')).toBe(true);
  });
});
