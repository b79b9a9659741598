import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRow } from '../channels/channels.repo.ts';
import {
  as,
  createChannel,
  createTestApp,
  messagingEnvelope,
  postMetaWebhook,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let page: ChannelRow;
let instagram: ChannelRow;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  page = await createChannel(t.db, admin.me.workspace.id, 'messenger', 'Página');
  instagram = await createChannel(t.db, admin.me.workspace.id, 'instagram', '@tienda');
});
afterEach(async () => t.close());

const PSID = '6789012345678901';
const IGSID = '5432109876543210';

async function deliver(object: 'page' | 'instagram', items: unknown[]) {
  const channel = object === 'page' ? page : instagram;
  expect((await postMetaWebhook(t.app, messagingEnvelope(object, channel, items))).statusCode).toBe(200);
  await t.deps.webhookProcessor.drain();
}

async function threadOfChannel(channel: ChannelRow) {
  const list = (
    await t.app.inject(as(admin, { url: `/api/v1/conversations?tab=all&channel=${channel.id}` }))
  ).json();
  expect(list.items).toHaveLength(1);
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${list.items[0].id}/messages` }))).json()
    .items;
}

describe('Messenger webhooks', () => {
  it('stores texts, quick replies, attachments, postbacks and the Page’s own echoes', async () => {
    const from = (at: number) => ({
      sender: { id: PSID },
      recipient: { id: page.external_id },
      timestamp: at,
    });
    await deliver('page', [
      { ...from(1_000), message: { mid: 'm_1', text: 'hola, ¿precio?' } },
      { ...from(2_000), message: { mid: 'm_2', text: 'Rojo', quick_reply: { payload: 'COLOR_RED' } } },
      {
        ...from(3_000),
        message: {
          mid: 'm_3',
          attachments: [{ type: 'image', payload: { url: 'https://scontent.example/a.jpg' } }],
        },
      },
      { ...from(4_000), postback: { mid: 'm_4', title: 'Hablar con un agente', payload: 'AGENT' } },
      {
        sender: { id: page.external_id },
        recipient: { id: PSID },
        timestamp: 5_000,
        message: { is_echo: true, mid: 'm_5', text: 'Respondido desde Business Suite' },
      },
    ]);
    const thread = await threadOfChannel(page);
    expect(
      thread.map((message: { kind: string; direction: string; author: { type: string } }) => [
        message.kind,
        message.direction,
        message.author.type,
      ]),
    ).toEqual([
      ['text', 'inbound', 'customer'],
      ['interactive_reply', 'inbound', 'customer'],
      ['image', 'inbound', 'customer'],
      ['interactive_reply', 'inbound', 'customer'],
      ['text', 'outbound', 'external'],
    ]);
    expect(thread[4].delivery.state).toBe('sent');
  });

  it('moves our messages to delivered and read by watermark', async () => {
    await deliver('page', [
      {
        sender: { id: PSID },
        recipient: { id: page.external_id },
        timestamp: t.clock.now(),
        message: { mid: 'm_in', text: 'hola' },
      },
    ]);
    const list = (await t.app.inject(as(admin, { url: '/api/v1/conversations?tab=all' }))).json();
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: `/api/v1/conversations/${list.items[0].id}/messages`,
        payload: { type: 'text', clientId: 'fb-reply-01', text: 'Hola 👋' },
      }),
    );
    await t.deps.worker.drain();
    const later = t.clock.now() + 10_000;
    await deliver('page', [
      { sender: { id: PSID }, recipient: { id: page.external_id }, delivery: { watermark: later } },
    ]);
    expect((await threadOfChannel(page)).at(-1).delivery.state).toBe('delivered');
    await deliver('page', [
      {
        sender: { id: PSID },
        recipient: { id: page.external_id },
        timestamp: later,
        read: { watermark: later },
      },
    ]);
    expect((await threadOfChannel(page)).at(-1).delivery.state).toBe('read');
  });
});

describe('Instagram webhooks', () => {
  it('stores story replies, mentions and shares, and marks an unsent message deleted', async () => {
    const from = (at: number) => ({
      sender: { id: IGSID },
      recipient: { id: instagram.external_id },
      timestamp: at,
    });
    await deliver('instagram', [
      {
        ...from(1_000),
        message: {
          mid: 'ig_1',
          text: '¡Me encanta!',
          reply_to: { story: { url: 'https://lookaside.example/story', id: '1789' } },
        },
      },
      {
        ...from(2_000),
        message: {
          mid: 'ig_2',
          attachments: [{ type: 'story_mention', payload: { url: 'https://lookaside.example/mention' } }],
        },
      },
      {
        ...from(3_000),
        message: {
          mid: 'ig_3',
          attachments: [{ type: 'share', payload: { url: 'https://lookaside.example/post' } }],
        },
      },
      { ...from(4_000), message: { mid: 'ig_4', text: 'ups, mensaje equivocado' } },
    ]);
    await deliver('instagram', [{ ...from(5_000), message: { mid: 'ig_4', is_deleted: true } }]);
    await deliver('instagram', [
      { ...from(6_000), reaction: { mid: 'ig_1', action: 'react', reaction: 'love', emoji: '❤️' } },
    ]);
    const thread = await threadOfChannel(instagram);
    expect(thread.map((message: { kind: string }) => message.kind)).toEqual([
      'story_reply',
      'story_mention',
      'share',
      'deleted',
    ]);
    expect(thread[0].content).toEqual({ kind: 'story_reply', storyUrl: 'https://lookaside.example/story' });
    expect(thread[0].reactions).toEqual([{ emoji: '❤️', by: 'customer', memberId: null }]);
    expect(thread[3].text).toBeNull();
  });
});
