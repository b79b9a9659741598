import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, pickString, type SandboxFixture, startSandboxFixture } from '../testing/sandbox.fixture.ts';

describe('admin API', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  const admin = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
    const res = await fetch(`${fixture.sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };

  it('configures a new number with its own token and app secret, and signs its webhooks with that secret', async () => {
    fixture = await startSandboxFixture();
    const added = await admin('/assets', {
      whatsapp: {
        phoneNumberId: '200300400500600',
        wabaId: '300400500600700',
        displayPhone: '5215599990000',
        token: 'tok-mx',
        appSecret: 'mx-secret',
      },
    });
    expect(added.status).toBe(200);
    expect(pick(added.body, 'added', 0)).toMatchObject({
      channel: 'whatsapp',
      phoneNumberId: '200300400500600',
    });
    const inbound = await admin('/inbound?wait=true', {
      channel: 'whatsapp',
      type: 'text',
      asset: '200300400500600',
      text: 'Hola',
    });
    expect(pick(inbound.body, 'delivery', 'status')).toBe('delivered');
    const [webhook] = await fixture.receiver.waitFor(1);
    const expected = `sha256=${createHmac('sha256', 'mx-secret')
      .update(webhook?.raw ?? Buffer.alloc(0))
      .digest('hex')}`;
    expect(webhook?.signature).toBe(expected);
    expect(pick(webhook?.body, 'entry', 0, 'id')).toBe('300400500600700');
    const info = await fixture.graph('/200300400500600?fields=display_phone_number', { token: 'tok-mx' });
    expect(info.body).toEqual({ display_phone_number: '+5215599990000', id: '200300400500600' });
  });

  it('adds, lists and clears faults, including webhook-side ones', async () => {
    fixture = await startSandboxFixture();
    const added = await admin('/faults', { kind: 'throttle', operation: 'whatsapp.send', times: 2 });
    expect(pick(added.body, 'added', 0)).toMatchObject({
      id: expect.any(String),
      kind: 'throttle',
      remaining: 2,
    });
    const both = await admin('/faults', {
      rules: [{ kind: 'delay', ms: 1 }],
      webhooks: { copies: { min: 1, max: 3 }, concurrency: 4 },
    });
    expect(pick(both.body, 'rules')).toHaveLength(2);
    expect(pick(both.body, 'webhooks', 'copies')).toEqual({ min: 1, max: 3 });
    expect((await admin('/faults', { kind: 'explode' })).status).toBe(400);
    expect((await admin('/faults', { kind: 'delay', ms: 1, operation: 'whatsapp.nothing' })).status).toBe(
      400,
    );
    await admin('/faults', undefined, 'DELETE');
    expect(pick((await admin('/faults')).body, 'rules')).toEqual([]);
  });

  it('makes customers write in batches and exposes sends, media, webhooks and a reset', async () => {
    fixture = await startSandboxFixture();
    const batch = await admin('/inbound', {
      batch: [
        { channel: 'whatsapp', type: 'image', from: '51987654321' },
        { channel: 'instagram', type: 'text', text: '¿Tienen talla S?' },
      ],
    });
    expect(pick(batch.body, 'results')).toHaveLength(2);
    const imageId = pickString(
      batch.body,
      'results',
      0,
      'envelope',
      'entry',
      0,
      'changes',
      0,
      'value',
      'messages',
      0,
      'image',
      'id',
    );
    const meta = await admin(`/media/${imageId}`);
    expect(meta.body).toMatchObject({
      id: imageId,
      mimeType: 'image/jpeg',
      origin: 'inbound',
      ownerId: '106540352242922',
    });
    const content = await fetch(`${fixture.sandbox.url}/__sandbox/media/${imageId}/content`);
    expect([...Buffer.from(await content.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    await fixture.graph('/106540352242922/messages', {
      json: { messaging_product: 'whatsapp', to: '+51987654321', type: 'text', text: { body: 'Recibido' } },
    });
    expect(pick((await admin('/sent?channel=whatsapp&recipient=51987654321')).body, 'sent', 0)).toMatchObject(
      {
        operation: 'whatsapp.send',
        payload: { text: { body: 'Recibido' } },
        at: expect.any(Number),
      },
    );
    expect((await admin('/idle', {})).body).toEqual({ idle: true });
    expect(pick((await admin('/webhooks')).body, 'deliveries')).toHaveLength(5);
    await admin('/reset', {});
    expect(pick((await admin('/sent')).body, 'sent')).toEqual([]);
    expect((await admin('/inbound', { channel: 'telegram', type: 'text' })).status).toBe(400);
  });

  it('changes behaviour at runtime and performs Meta’s verification handshake', async () => {
    fixture = await startSandboxFixture({}, { verifyToken: 'charla-verify' });
    const config = await admin('/config', { windowEnforcement: 'sync', statuses: { stepDelayMs: 1 } });
    expect(pick(config.body, 'config', 'windowEnforcement')).toBe('sync');
    const send = await fixture.graph('/106540352242922/messages', {
      json: { messaging_product: 'whatsapp', to: '+15125550000', type: 'text', text: { body: 'Hi' } },
    });
    expect(pick(send.body, 'error', 'code')).toBe(131047);
    expect((await admin('/verify-webhook', { verifyToken: 'charla-verify' })).body).toMatchObject({
      verified: true,
      status: 200,
    });
    expect((await admin('/verify-webhook', { verifyToken: 'nope' })).body).toMatchObject({
      verified: false,
      status: 403,
    });
  });
});
