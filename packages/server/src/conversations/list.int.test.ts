import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.ts';
import {
  addMember,
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

const list = async (query: string, who = admin) => {
  const response = await t.app.inject(as(who, { url: `/api/v1/conversations?${query}` }));
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const names = (page: { items: { customer: { displayName: string } }[] }) =>
  page.items.map((item) => item.customer.displayName);

describe('the conversation list', () => {
  it('pages by cursor through every conversation once, newest first or oldest first', async () => {
    const channel = await createChannel(t.db, admin.me.workspace.id);
    const base = t.clock.now();
    for (let i = 0; i < 23; i += 1) {
      // Several share a timestamp, so the id breaks ties.
      await customerWrites(t.db, channel, {
        from: `54911000000${String(i).padStart(2, '0')}`,
        profileName: `Cliente ${i}`,
        at: base + Math.floor(i / 3),
      });
    }
    for (const sort of ['recent', 'oldest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string; lastActivityAt: number }[]; nextCursor: string | null } =
          await list(`tab=all&sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
    }
    const recent = await list('tab=all&limit=3');
    const times = recent.items.map((item: { lastActivityAt: number }) => item.lastActivityAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('refuses a forged cursor, naming it', async () => {
    const response = await t.app.inject(as(admin, { url: '/api/v1/conversations?cursor=garbage' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_CURSOR',
      fields: [{ field: 'query.cursor' }],
    });
  });

  it('finds customers by name without accents or case, and by phone in any format', async () => {
    const channel = await createChannel(t.db, admin.me.workspace.id);
    await customerWrites(t.db, channel, {
      from: '5215512345678',
      profileName: 'José Ñúñez',
      at: t.clock.now(),
    });
    await customerWrites(t.db, channel, {
      from: '5511987654321',
      profileName: 'João Conceição',
      at: t.clock.now(),
    });
    await customerWrites(t.db, channel, {
      from: '14155550123',
      profileName: 'Emily Stone',
      at: t.clock.now(),
    });

    expect(names(await list('tab=all&q=jose%20nun'))).toEqual(['José Ñúñez']);
    expect(names(await list('tab=all&q=CONCEI'))).toEqual(['João Conceição']);
    expect(names(await list(`tab=all&q=${encodeURIComponent('+52 55 1234 5678')}`))).toEqual(['José Ñúñez']);
    expect(names(await list(`tab=all&q=${encodeURIComponent('(415) 555-0123')}`))).toEqual(['Emily Stone']);
    expect(names(await list('tab=all&q=zz'))).toEqual([]);
    expect(names(await list('tab=all&q=100%25'))).toEqual([]);
  });

  it('combines tab, status, assignee, channel, tag and unread filters with AND, and counts them', async () => {
    const ventas = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
    const page = await createChannel(t.db, admin.me.workspace.id, 'messenger', 'Página');
    const ana = await addMember(t.app, admin, 'agent', { name: 'Ana' });
    const a = await customerWrites(t.db, ventas, {
      from: '5215500000001',
      profileName: 'A',
      at: t.clock.now(),
    });
    const b = await customerWrites(t.db, ventas, {
      from: '5215500000002',
      profileName: 'B',
      at: t.clock.now() + 1,
    });
    const c = await customerWrites(t.db, page, { from: 'psid-3', profileName: 'C', at: t.clock.now() + 2 });
    await updateConversationRow(t.db.kysely, b.conversationId, { status: 'resolved', unread_count: 0 });
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${a.conversationId}/assignee`,
        payload: { memberId: ana.me.member.id },
      }),
    );
    const tagId = newId();
    await t.db.kysely
      .insertInto('tags')
      .values({
        id: tagId,
        workspace_id: admin.me.workspace.id,
        name: 'VIP',
        name_key: 'vip',
        color: '#f59e0b',
        created_at: 0,
      })
      .execute();
    const customerOfC = (
      await t.app.inject(as(admin, { url: `/api/v1/conversations/${c.conversationId}` }))
    ).json().customer.id;
    await t.db.kysely
      .insertInto('customer_tags')
      .values({ customer_id: customerOfC, tag_id: tagId, workspace_id: admin.me.workspace.id, created_at: 0 })
      .execute();

    expect(names(await list('tab=to_resolve'))).toEqual(['C', 'A']);
    expect(names(await list('tab=resolved'))).toEqual(['B']);
    expect(names(await list('tab=all&status=resolved'))).toEqual(['B']);
    expect(names(await list('tab=all&assignee=unassigned'))).toEqual(['C', 'B']);
    expect(names(await list('tab=all&assignee=me', ana))).toEqual(['A']);
    expect(names(await list(`tab=all&channel=${page.id}`))).toEqual(['C']);
    expect(names(await list(`tab=all&tag=${tagId}`))).toEqual(['C']);
    expect(names(await list('tab=all&unread=true'))).toEqual(['C', 'A']);
    expect(names(await list(`tab=to_resolve&channel=${ventas.id}&unread=true`))).toEqual(['A']);
    const row = (await list(`tab=all&tag=${tagId}`)).items[0];
    expect(row.customer.tags).toEqual([{ id: tagId, name: 'VIP', color: '#f59e0b' }]);

    const counts = (
      await t.app.inject(as(admin, { url: '/api/v1/conversations/counts?tab=to_resolve' }))
    ).json();
    expect(counts.tabs).toEqual({ to_resolve: 2, resolved: 1, all: 3 });
    expect(counts.statuses).toEqual({ new: 2, open: 0, pending: 0, resolved: 1 });
    expect(counts.unread).toBe(2);
    expect(counts.channels.sort((x: { total: number }, y: { total: number }) => x.total - y.total)).toEqual([
      { channelId: ventas.id, total: 1, unread: 1 },
      { channelId: page.id, total: 1, unread: 1 },
    ]);
  });

  it('names the bad filter', async () => {
    for (const [query, field] of [
      ['tab=later', 'query.tab'],
      ['sort=random', 'query.sort'],
      ['limit=1000', 'query.limit'],
      ['unread=maybe', 'query.unread'],
    ]) {
      const response = await t.app.inject(as(admin, { url: `/api/v1/conversations?${query}` }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
  });

  it('pages a long thread backwards without gaps', async () => {
    const channel = await createChannel(t.db, admin.me.workspace.id);
    let conversationId = '';
    for (let i = 0; i < 120; i += 1) {
      ({ conversationId } = await customerWrites(t.db, channel, {
        from: '5215599999999',
        text: `mensaje ${i}`,
        at: t.clock.now() + Math.floor(i / 4),
      }));
    }
    const texts: string[] = [];
    let before: string | null = null;
    do {
      const page: { items: { text: string }[]; nextBefore: string | null } = (
        await t.app.inject(
          as(admin, {
            url: `/api/v1/conversations/${conversationId}/messages?limit=50${before ? `&before=${before}` : ''}`,
          }),
        )
      ).json();
      texts.unshift(...page.items.map((item) => item.text));
      before = page.nextBefore;
    } while (before);
    expect(texts).toEqual(Array.from({ length: 120 }, (_, i) => `mensaje ${i}`));
  });
});
