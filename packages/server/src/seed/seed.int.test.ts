import { attachmentSchema, messageContentSchema } from '@charla/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { previewOf } from '../conversations/conversations.presenter.ts';
import { normalizeText } from '../customers/customer-search.ts';
import { as, createTestApp, signIn, type TestApp, type TestSession } from '../testing/index.ts';
import { type SeedResult, seedInbox } from './seed-inbox.ts';
import { DEMO_ADMIN_EMAIL } from './seed-workspace.ts';

let t: TestApp;
let admin: TestSession;
let result: SeedResult;

beforeAll(async () => {
  t = await createTestApp();
  result = await seedInbox(t.db, { customers: 200, messages: 2000, seed: 20261124 });
  if (!result.createdAdmin) throw new Error('the seed should have created the demo workspace');
  admin = await signIn(t.app, DEMO_ADMIN_EMAIL, result.createdAdmin.password);
});
afterAll(async () => t?.close());

const count = async (
  table: 'customers' | 'conversations' | 'messages' | 'customer_identities' | 'channels',
) => {
  const row = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', result.workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('the seed', () => {
  it('writes the customers and messages asked for, one identity per conversation, on four channels', async () => {
    expect(await count('customers')).toBe(200);
    expect(await count('messages')).toBe(2000);
    const conversations = await count('conversations');
    expect(conversations).toBeGreaterThanOrEqual(200);
    expect(conversations).toBe(result.conversations);
    expect(await count('customer_identities')).toBe(conversations);
    expect(await count('channels')).toBe(4);
    const members = await t.db.kysely
      .selectFrom('members')
      .select(['role', 'assigned_only'])
      .where('workspace_id', '=', result.workspaceId)
      .execute();
    expect(members.filter((member) => member.role === 'agent').length).toBeGreaterThanOrEqual(10);
    expect(members.filter((member) => member.role === 'supervisor')).toHaveLength(2);
    expect(members.some((member) => member.assigned_only === 1)).toBe(true);
  });

  it('stores only message content and attachments the contract accepts', async () => {
    const rows = await t.db.kysely
      .selectFrom('messages')
      .select([
        'kind',
        'direction',
        'content',
        'attachments',
        'delivery_state',
        'provider_message_id',
        'channel_id',
      ])
      .where('workspace_id', '=', result.workspaceId)
      .execute();
    const attachments = z.array(attachmentSchema);
    for (const row of rows) {
      const content = messageContentSchema.parse(JSON.parse(row.content));
      expect(content.kind).toBe(row.kind);
      attachments.parse(JSON.parse(row.attachments));
      expect(row.delivery_state === null).toBe(row.direction !== 'outbound');
    }
    const kinds = new Set(rows.map((row) => row.kind));
    for (const kind of ['text', 'image', 'audio', 'note', 'activity']) expect(kinds).toContain(kind);
    const providerIds = rows.flatMap((row) =>
      row.provider_message_id ? [`${row.channel_id}/${row.provider_message_id}`] : [],
    );
    expect(new Set(providerIds).size).toBe(providerIds.length);
  });

  it('keeps every conversation row consistent with its latest customer or member message', async () => {
    const conversations = await t.db.kysely
      .selectFrom('conversations')
      .selectAll()
      .where('workspace_id', '=', result.workspaceId)
      .execute();
    const messages = await t.db.kysely
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'direction', 'kind', 'body', 'delivery_state', 'created_at'])
      .where('workspace_id', '=', result.workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const conversation of conversations) {
      const thread = messages.filter((message) => message.conversation_id === conversation.id);
      const listed = thread.filter((message) => message.direction !== 'internal');
      const last = listed.at(-1);
      expect(last, conversation.id).toBeDefined();
      if (!last) continue;
      expect(conversation).toMatchObject({
        last_message_id: last.id,
        last_activity_at: last.created_at,
        last_message_preview: previewOf(last.kind, last.body),
        last_message_kind: last.kind,
        last_message_direction: last.direction,
        last_message_state: last.delivery_state,
        last_inbound_at:
          thread.filter((message) => message.direction === 'inbound').at(-1)?.created_at ?? null,
      });
      const lastOutbound = listed.map((message) => message.direction).lastIndexOf('outbound');
      const waiting = listed.slice(lastOutbound + 1).length;
      expect(conversation.unread_count).toBeLessThanOrEqual(waiting);
      if (conversation.status === 'new') expect(conversation.unread_count).toBeGreaterThan(0);
      if (conversation.status === 'resolved') expect(conversation.unread_count).toBe(0);
    }
  });

  it('finds a customer by an accented name typed with or without accents, through the list', async () => {
    const customers = await t.db.kysely
      .selectFrom('customers')
      .select(['id', 'last_name'])
      .where('workspace_id', '=', result.workspaceId)
      .where('last_name', 'is not', null)
      .execute();
    const accented = customers.find((customer) => {
      const word = customer.last_name?.split(' ')[0] ?? '';
      return word.length >= 4 && normalizeText(word) !== word.toLowerCase();
    });
    if (!accented?.last_name) throw new Error('the seed should write accented names');
    const word = accented.last_name.split(' ')[0] ?? '';
    for (const q of [word, normalizeText(word), word.toUpperCase()]) {
      const response = await t.app.inject(
        as(admin, { url: `/api/v1/conversations?tab=all&limit=100&q=${encodeURIComponent(q)}` }),
      );
      expect(response.statusCode, response.body).toBe(200);
      const ids = response.json().items.map((item: { customer: { id: string } }) => item.customer.id);
      expect(ids, q).toContain(accented.id);
    }
  });

  it('serves the longest thread page by page', async () => {
    if (!result.longestThread) throw new Error('the seed reports its longest thread');
    const url = `/api/v1/conversations/${result.longestThread.conversationId}/messages?limit=50`;
    const first = await t.app.inject(as(admin, { url }));
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(Math.min(50, result.longestThread.messages));
    if (page.nextBefore) {
      const older = await t.app.inject(as(admin, { url: `${url}&before=${page.nextBefore}` }));
      expect(older.statusCode, older.body).toBe(200);
    }
  });
});
