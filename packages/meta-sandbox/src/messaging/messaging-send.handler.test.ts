import { afterEach, describe, expect, it } from 'vitest';
import {
  messagingEventsOf,
  parsed,
  pick,
  pickString,
  type SandboxFixture,
  startSandboxFixture,
  TOKENS,
} from '../testing/sandbox.fixture.ts';

const PAGE = '1122334455667788';
const IG = '17841400000000001';
const DAY = 24 * 3600_000;

describe('Messenger and Instagram send API', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('answers a Messenger send with {recipient_id, message_id} and follows with echo, delivery and read', async () => {
    fixture = await startSandboxFixture();
    const { customerId } = await fixture.inbound({
      channel: 'messenger',
      type: 'text',
      name: 'Inés Castañeda',
    });
    const answer = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: {
        recipient: { id: customerId },
        messaging_type: 'RESPONSE',
        message: { text: '¡Hola Inés!', metadata: 'charla:1' },
      },
    });
    expect(answer.body).toEqual({ recipient_id: customerId, message_id: expect.stringMatching(/^m_/) });
    const mid = pickString(answer.body, 'message_id');
    const webhooks = await fixture.receiver.waitFor(4);
    webhooks.forEach(parsed);
    const events = messagingEventsOf(webhooks.slice(1));
    expect(events.map((e) => e.kind)).toEqual(['echo', 'delivery', 'read']);
    expect(events[0]?.event).toMatchObject({
      sender: { id: PAGE },
      recipient: { id: customerId },
      message: { is_echo: true, mid, text: '¡Hola Inés!', metadata: 'charla:1' },
    });
    expect(events[1]?.event).toMatchObject({ delivery: { mids: [mid], watermark: expect.any(Number) } });
    expect(events[2]?.event).toMatchObject({ read: { watermark: expect.any(Number) } });
  });

  it('sends on Instagram through /me and follows with an echo and a read of that message (no delivery)', async () => {
    fixture = await startSandboxFixture();
    const { customerId } = await fixture.inbound({ channel: 'instagram', type: 'text' });
    const answer = await fixture.graph('/me/messages', {
      token: TOKENS.instagram,
      json: {
        recipient: { id: customerId },
        message: { attachment: { type: 'image', payload: { url: 'https://cdn.example.com/a.jpg' } } },
      },
    });
    expect(answer.status).toBe(200);
    const mid = pickString(answer.body, 'message_id');
    const events = messagingEventsOf((await fixture.receiver.waitFor(3)).slice(1));
    expect(events.map((e) => e.kind)).toEqual(['echo', 'read']);
    expect(pick(events[1]?.event, 'read')).toEqual({ mid });
    expect(fixture.sandbox.sent.list({ operation: 'instagram.send' })).toHaveLength(1);
  });

  it('refuses RESPONSE outside 24 h with code 10 but lets HUMAN_AGENT through for 7 days', async () => {
    fixture = await startSandboxFixture();
    const { customerId } = await fixture.inbound({
      channel: 'messenger',
      type: 'text',
      timestamp: Date.now() - 3 * DAY,
    });
    const send = (extra: Record<string, unknown>) =>
      fixture.graph(`/${PAGE}/messages`, {
        token: TOKENS.page,
        json: { recipient: { id: customerId }, message: { text: 'Hola' }, ...extra },
      });
    const response = await send({ messaging_type: 'RESPONSE' });
    expect(pick(response.body, 'error')).toMatchObject({ code: 10, error_subcode: 2018278 });
    const human = await send({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(human.status).toBe(200);
    const noTag = await send({ messaging_type: 'MESSAGE_TAG' });
    expect(pick(noTag.body, 'error', 'code')).toBe(100);
  });

  it('refuses a PSID that never wrote with 100/2018001 and a missing messaging_type with 100', async () => {
    fixture = await startSandboxFixture();
    const unknown = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: { recipient: { id: '1234567890123456' }, messaging_type: 'RESPONSE', message: { text: 'Hola' } },
    });
    expect(pick(unknown.body, 'error')).toMatchObject({ code: 100, error_subcode: 2018001 });
    const { customerId } = await fixture.inbound({ channel: 'messenger', type: 'text' });
    const untyped = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: { recipient: { id: customerId }, message: { text: 'Hola' } },
    });
    expect(pick(untyped.body, 'error', 'message')).toBe('(#100) param messaging_type must be non-empty.');
  });

  it('accepts sender actions and a quoted reply, answering with the recipient id', async () => {
    fixture = await startSandboxFixture();
    const { customerId, messageId } = await fixture.inbound({ channel: 'messenger', type: 'text' });
    for (const action of ['mark_seen', 'typing_on', 'typing_off']) {
      const answer = await fixture.graph(`/${PAGE}/messages`, {
        token: TOKENS.page,
        json: { recipient: { id: customerId }, sender_action: action },
      });
      expect(answer.body).toEqual({ recipient_id: customerId });
    }
    const reply = await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: {
        recipient: { id: customerId },
        messaging_type: 'RESPONSE',
        reply_to: { mid: messageId },
        message: { text: 'Sí, ese' },
      },
    });
    expect(reply.status).toBe(200);
    expect(fixture.sandbox.sent.list({ operation: 'messenger.sender-action' })).toHaveLength(3);
  });

  it('returns Messenger and Instagram profiles with the requested fields', async () => {
    fixture = await startSandboxFixture();
    const fb = await fixture.inbound({ channel: 'messenger', type: 'text', name: 'Joaquín Muñoz' });
    const profile = await fixture.graph(`/${fb.customerId}?fields=first_name,last_name,profile_pic`, {
      token: TOKENS.page,
    });
    expect(profile.body).toEqual({
      first_name: 'Joaquín',
      last_name: 'Muñoz',
      profile_pic: expect.stringContaining('/cdn/avatar-'),
      id: fb.customerId,
    });
    const picture = await fetch(pickString(profile.body, 'profile_pic'));
    expect(picture.headers.get('content-type')).toBe('image/png');
    const ig = await fixture.inbound({ channel: 'instagram', type: 'text', name: 'Zoé Báez' });
    const igProfile = await fixture.graph(`/${ig.customerId}?fields=name,username,profile_pic`, {
      token: TOKENS.instagram,
    });
    expect(igProfile.body).toMatchObject({
      name: 'Zoé Báez',
      username: expect.any(String),
      id: ig.customerId,
    });
    const bad = await fixture.graph(`/${fb.customerId}?fields=shoe_size`, { token: TOKENS.page });
    expect(pick(bad.body, 'error', 'code')).toBe(100);
  });

  it('answers /me and subscribed_apps for the Page token', async () => {
    fixture = await startSandboxFixture();
    expect((await fixture.graph('/me', { token: TOKENS.page })).body).toEqual({
      name: 'Charla Demo',
      id: PAGE,
    });
    expect((await fixture.graph('/me?fields=id,username', { token: TOKENS.instagram })).body).toEqual({
      id: IG,
      username: 'charla.demo',
    });
    const subscribe = await fixture.graph(
      `/${PAGE}/subscribed_apps?subscribed_fields=messages,message_echoes,feed`,
      {
        token: TOKENS.page,
        method: 'POST',
      },
    );
    expect(subscribe.body).toEqual({ success: true });
    const list = await fixture.graph(`/${PAGE}/subscribed_apps`, { token: TOKENS.page });
    expect(pick(list.body, 'data', 0, 'subscribed_fields')).toEqual(['messages', 'message_echoes', 'feed']);
  });

  it('uploads an attachment for Instagram and sends it by attachment_id, echoing a CDN URL', async () => {
    fixture = await startSandboxFixture();
    const { customerId } = await fixture.inbound({ channel: 'instagram', type: 'text' });
    const form = new FormData();
    form.set('message', JSON.stringify({ attachment: { type: 'image', payload: { is_reusable: true } } }));
    form.set('platform', 'instagram');
    form.set('filedata', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'foto.jpg');
    const upload = await fixture.graph(`/${IG}/message_attachments`, { token: TOKENS.instagram, form });
    expect(upload.body).toEqual({ attachment_id: expect.stringMatching(/^\d+$/) });
    const send = await fixture.graph(`/${IG}/messages`, {
      token: TOKENS.instagram,
      json: {
        recipient: { id: customerId },
        messaging_type: 'RESPONSE',
        message: {
          attachment: { type: 'image', payload: { attachment_id: pickString(upload.body, 'attachment_id') } },
        },
      },
    });
    expect(send.status).toBe(200);
    const [echo] = messagingEventsOf((await fixture.receiver.waitFor(2)).slice(1));
    const url = pickString(echo?.event, 'message', 'attachments', 0, 'payload', 'url');
    const file = await fetch(url);
    expect([...Buffer.from(await file.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff]);
  });
});
