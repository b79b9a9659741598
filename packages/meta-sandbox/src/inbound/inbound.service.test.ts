import { afterEach, describe, expect, it } from 'vitest';
import {
  parsed,
  pick,
  type SandboxFixture,
  startSandboxFixture,
  TOKENS,
} from '../testing/sandbox.fixture.ts';
import type { InboundInput } from './inbound-input.schema.ts';

const PHONE = '106540352242922';
const PAGE = '1122334455667788';
const IG = '17841400000000001';

describe('simulated customer actions', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('builds a valid webhook for every inbound type of every channel', async () => {
    fixture = await startSandboxFixture();
    const wa = { channel: 'whatsapp', from: '5215511112222', name: 'Máximo Ordóñez' } as const;
    const fb = { channel: 'messenger', from: '2468013579246801', name: 'Aitana Gómez' } as const;
    const ig = {
      channel: 'instagram',
      from: '13579246801357924',
      name: 'Chloé Smith',
      locale: 'en',
    } as const;
    await fixture.inbound({ ...wa, type: 'text' });
    await fixture.inbound({ ...fb, type: 'text' });
    await fixture.inbound({ ...ig, type: 'text' });
    await fixture.graph(`/${PHONE}/messages`, {
      json: { messaging_product: 'whatsapp', to: wa.from, type: 'text', text: { body: 'Hola' } },
    });
    await fixture.graph(`/${PAGE}/messages`, {
      token: TOKENS.page,
      json: { recipient: { id: fb.from }, messaging_type: 'RESPONSE', message: { text: 'Hola' } },
    });
    await fixture.graph(`/${IG}/messages`, {
      token: TOKENS.instagram,
      json: { recipient: { id: ig.from }, message: { text: 'Hi' } },
    });
    await fixture.sandbox.idle();
    const inputs: InboundInput[] = [
      ...(
        [
          'text',
          'image',
          'video',
          'audio',
          'document',
          'sticker',
          'location',
          'contacts',
          'button_reply',
          'list_reply',
          'button',
          'reaction',
          'order',
          'unsupported',
          'unknown',
          'edit',
          'revoke',
          'identity_changed',
          'errors',
        ] as const
      ).map((type) => ({ ...wa, type })),
      { ...wa, type: 'text', referral: true },
      { ...wa, type: 'text', forwarded: 'frequently_forwarded' },
      ...(
        [
          'text',
          'image',
          'video',
          'audio',
          'file',
          'sticker',
          'fallback',
          'postback',
          'reaction',
          'read',
          'delivery',
          'echo',
          'referral',
          'message_edit',
          'comment',
        ] as const
      ).map((type) => ({ ...fb, type })),
      ...(
        [
          'text',
          'image',
          'video',
          'audio',
          'file',
          'share',
          'story_mention',
          'ig_reel',
          'story_reply',
          'reaction',
          'read',
          'deleted',
          'echo',
          'postback',
          'referral',
          'unsupported',
          'comment',
          'mention',
        ] as const
      ).map((type) => ({ ...ig, type })),
      { ...fb, type: 'reaction', action: 'unreact' },
      { ...wa, type: 'system' },
    ];
    const start = fixture.receiver.received.length;
    for (const input of inputs) await fixture.inbound(input);
    const webhooks = fixture.receiver.received.slice(start);
    expect(webhooks).toHaveLength(inputs.length);
    for (const webhook of webhooks) expect(() => parsed(webhook), JSON.stringify(webhook.body)).not.toThrow();
  });

  it('shapes the special cases as the reference shows them', async () => {
    fixture = await startSandboxFixture();
    const unsupported = fixture.sandbox.inbound({ channel: 'whatsapp', type: 'unsupported' });
    expect(
      pick(unsupported.envelope, 'entry', 0, 'changes', 0, 'value', 'messages', 0, 'errors', 0, 'code'),
    ).toBe(131051);
    const ad = fixture.sandbox.inbound({ channel: 'whatsapp', type: 'text', referral: true });
    expect(pick(ad.envelope, 'entry', 0, 'changes', 0, 'value', 'messages', 0, 'referral')).toMatchObject({
      source_type: 'ad',
      ctwa_clid: expect.any(String),
    });
    const story = fixture.sandbox.inbound({ channel: 'instagram', type: 'story_reply', text: '¡Qué lindo!' });
    expect(pick(story.envelope, 'entry', 0, 'messaging', 0, 'message', 'reply_to', 'story')).toMatchObject({
      id: expect.any(String),
      url: expect.stringContaining('/cdn/'),
    });
    const deleted = fixture.sandbox.inbound({
      channel: 'instagram',
      type: 'deleted',
      from: story.customerId,
    });
    expect(pick(deleted.envelope, 'entry', 0, 'messaging', 0, 'message')).toEqual({
      mid: story.messageId,
      is_deleted: true,
    });
    const sticker = fixture.sandbox.inbound({ channel: 'messenger', type: 'sticker' });
    expect(pick(sticker.envelope, 'entry', 0, 'messaging', 0, 'message', 'attachments', 0)).toMatchObject({
      type: 'image',
      payload: { sticker_id: 369239263222822 },
    });
    expect(() => fixture.sandbox.inbound({ channel: 'messenger', type: 'reaction' })).toThrow(
      /Nothing was sent/,
    );
    await fixture.sandbox.idle();
  });
});
