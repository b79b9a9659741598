import { CONVERSATION_STATUSES, type ConversationStatus } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  createChannel,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';
import { updateConversationRow } from './conversations.repo.ts';

let t: TestApp;
let admin: TestSession;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

async function conversationIn(status: ConversationStatus) {
  const channel = await createChannel(t.db, admin.me.workspace.id);
  const { conversationId } = await customerWrites(t.db, channel, {
    from: '5215512345678',
    at: t.clock.now(),
  });
  await updateConversationRow(t.db.kysely, conversationId, { status });
  return { conversationId, channel };
}

const setStatus = (conversationId: string, status: ConversationStatus) =>
  t.app.inject(
    as(admin, { method: 'PUT', url: `/api/v1/conversations/${conversationId}/status`, payload: { status } }),
  );

describe('manual status moves', () => {
  const allowed = new Set([
    'new→open',
    'new→pending',
    'new→resolved',
    'open→pending',
    'open→resolved',
    'pending→resolved',
    'resolved→pending',
  ]);
  for (const from of CONVERSATION_STATUSES) {
    for (const to of CONVERSATION_STATUSES.filter((status) => status !== from)) {
      const move = `${from}→${to}`;
      it(`${allowed.has(move) ? 'allows' : 'refuses'} ${move}`, async () => {
        const { conversationId } = await conversationIn(from);
        const response = await setStatus(conversationId, to);
        if (allowed.has(move)) {
          expect(response.statusCode).toBe(200);
          expect(response.json().status).toBe(to);
          const thread = await t.app.inject(
            as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }),
          );
          const line = thread.json().items.at(-1);
          expect(line.content).toMatchObject({ kind: 'activity', action: 'status_changed', from, to });
          expect(line.author).toMatchObject({ type: 'member', memberId: admin.me.member.id });
        } else {
          expect(response.statusCode).toBe(409);
          expect(response.json().error).toMatchObject({
            code: 'STATUS_MOVE_NOT_ALLOWED',
            fields: [{ field: 'body.status' }],
          });
          const after = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
          expect(after.json().status).toBe(from);
        }
      });
    }
  }
});

describe('automatic status moves', () => {
  it('opens a new conversation when a member opens it, and reads it', async () => {
    const { conversationId } = await conversationIn('new');
    const opened = await t.app.inject(
      as(admin, { method: 'POST', url: `/api/v1/conversations/${conversationId}/open` }),
    );
    expect(opened.json()).toMatchObject({ status: 'open', unreadCount: 0 });
  });

  it('moves to pending on the first reply by a member', async () => {
    const { conversationId } = await conversationIn('open');
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { type: 'text', clientId: 'reply-0001', text: 'Sí, enviamos a todo México.' },
      }),
    );
    const after = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
    expect(after.json().status).toBe('pending');
  });

  it('brings a resolved conversation back as new when the customer writes again', async () => {
    const { conversationId, channel } = await conversationIn('resolved');
    await customerWrites(t.db, channel, {
      from: '5215512345678',
      text: 'Una pregunta más',
      at: t.clock.now() + 1000,
    });
    const after = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
    expect(after.json()).toMatchObject({ status: 'new', unreadCount: 2 });
  });

  it('stores a blocked customer’s message without reopening or raising anything', async () => {
    const { conversationId, channel } = await conversationIn('resolved');
    const blocked = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/blocked`,
        payload: { blocked: true },
      }),
    );
    expect(blocked.json().customer.blocked).toBe(true);
    const before = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
    await customerWrites(t.db, channel, { from: '5215512345678', text: 'Hola??', at: t.clock.now() + 1000 });
    const after = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}` }));
    expect(after.json()).toMatchObject({ status: 'resolved', unreadCount: before.json().unreadCount });
    const thread = await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }));
    expect(thread.json().items.at(-1)).toMatchObject({ text: 'Hola??', direction: 'inbound' });
    const lastEvent = await t.db.kysely
      .selectFrom('events')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(lastEvent.payload).notify).toBe(false);
  });
});
