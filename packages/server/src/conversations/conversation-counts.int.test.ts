import type { Conversation, ConversationCounts, ConversationStatus } from '@charla/contracts';
import { manualMovesFrom } from '@charla/contracts/rules';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRow } from '../channels/channels.repo.ts';
import { fillConversationCounts } from '../db/migrations/202611242010-conversation-counts.ts';
import { createRandom } from '../seed/seed-random.ts';
import {
  addMember,
  callAs,
  createAnotherWorkspace,
  createChannel,
  createTestApp,
  postMetaWebhook,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  whatsappEnvelope,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;
let agent: TestSession;
let assignedOnly: TestSession;
let ventas: ChannelRow;
let soporte: ChannelRow;
beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  agent = await addMember(t.app, admin, 'agent', { name: 'Lucía' });
  assignedOnly = await addMember(t.app, admin, 'agent', { name: 'Tomás', assignedOnly: true });
  ventas = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
  soporte = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Soporte');
});
afterEach(async () => t.close());

type CounterRow = {
  workspace_id: string;
  channel_id: string;
  owner_member_id: string;
  status: string;
  total: number;
  unread: number;
};

const byKey = (rows: CounterRow[]) =>
  rows
    .map((row) => ({ ...row, total: Number(row.total), unread: Number(row.unread) }))
    .sort((a, b) =>
      [a.workspace_id, a.channel_id, a.owner_member_id, a.status]
        .join('|')
        .localeCompare([b.workspace_id, b.channel_id, b.owner_member_id, b.status].join('|')),
    );

/** The counters as the triggers left them (rows that dropped to zero say nothing). */
async function storedCounters(): Promise<CounterRow[]> {
  const rows = await t.db.kysely
    .selectFrom('conversation_counts')
    .selectAll()
    .where((eb) => eb.or([eb('total', '<>', 0), eb('unread', '<>', 0)]))
    .execute();
  return byKey(rows);
}

/** The same figures counted afresh from the conversations. */
async function countedAfresh(): Promise<CounterRow[]> {
  const owner = sql<string>`coalesce(owner_member_id, '')`;
  const rows = await t.db.kysely
    .selectFrom('conversations')
    .select((eb) => [
      'workspace_id',
      'channel_id',
      owner.as('owner_member_id'),
      'status',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when unread_count > 0 then 1 else 0 end`).as('unread'),
    ])
    .groupBy(['workspace_id', 'channel_id', owner, 'status'])
    .execute();
  return byKey(rows);
}

async function expectCountersExact(): Promise<CounterRow[]> {
  const fresh = await countedAfresh();
  expect(await storedCounters()).toEqual(fresh);
  return fresh;
}

let sequence = 0;
/** A customer writes on a channel through the signed Meta webhook, applied by the processor. */
async function customerWrites(channel: ChannelRow, waId: string, name = `Cliente ${waId.slice(-4)}`) {
  sequence += 1;
  const response = await postMetaWebhook(
    t.app,
    whatsappEnvelope(channel, {
      contacts: [{ name, waId }],
      messages: [
        {
          from: waId,
          id: `wamid.counts${sequence}.${Math.random().toString(36).slice(2)}`,
          timestamp: String(Math.floor(t.clock.now() / 1000)),
          type: 'text',
          text: { body: `Hola, mensaje ${sequence}` },
        },
      ],
    }),
  );
  expect(response.statusCode).toBe(200);
  await t.deps.webhookProcessor.drain();
}

async function everyConversation(who: TestSession, query = ''): Promise<Conversation[]> {
  const items: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const response = await callAs(
      t,
      who,
      'GET',
      `/conversations?tab=all&limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: Conversation[]; nextCursor: string | null }>();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function countsOf(who: TestSession, query = ''): Promise<ConversationCounts> {
  const response = await callAs(t, who, 'GET', `/conversations/counts?tab=all${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ConversationCounts>();
}

/** What the counts must say, worked out from the list the same member sees under the same filters. */
function countsFromList(items: Conversation[], channelId?: string): ConversationCounts {
  const statuses: Record<ConversationStatus, number> = { new: 0, open: 0, pending: 0, resolved: 0 };
  const channels = new Map<string, { channelId: string; total: number; unread: number }>();
  let unread = 0;
  for (const item of items) {
    const inChannel = !channelId || item.channel.id === channelId;
    if (inChannel) statuses[item.status] += 1;
    if (inChannel && item.unreadCount > 0) unread += 1;
    const channel = channels.get(item.channel.id) ?? { channelId: item.channel.id, total: 0, unread: 0 };
    channel.total += 1;
    if (item.unreadCount > 0) channel.unread += 1;
    channels.set(item.channel.id, channel);
  }
  const toResolve = statuses.new + statuses.open + statuses.pending;
  return {
    tabs: { to_resolve: toResolve, resolved: statuses.resolved, all: toResolve + statuses.resolved },
    statuses,
    channels: [...channels.values()],
    unread,
  };
}

const sortChannels = (counts: ConversationCounts) => ({
  ...counts,
  channels: [...counts.channels].sort((a, b) => a.channelId.localeCompare(b.channelId)),
});

/** Each member's badges agree with the list they see, under the filters the inbox sends. */
async function expectCountsMatchLists(members = [admin, agent, assignedOnly]) {
  for (const who of members) {
    const filters = ['', '&assignee=unassigned', '&assignee=me', `&assignee=${agent.me.member.id}`];
    for (const filter of [...filters, '&unread=true', '&unread=false']) {
      const items = await everyConversation(who, filter);
      expect(sortChannels(await countsOf(who, filter)), `${who.me.member.name} ${filter}`).toEqual(
        sortChannels(countsFromList(items)),
      );
      const channelFilter = `${filter}&channel=${ventas.id}`;
      expect(
        sortChannels(await countsOf(who, channelFilter)),
        `${who.me.member.name} ${channelFilter}`,
      ).toEqual(sortChannels(countsFromList(items, ventas.id)));
    }
  }
}

async function conversationOf(waId: string, channel: ChannelRow): Promise<Conversation> {
  const found = (await everyConversation(admin, `&channel=${channel.id}`)).find(
    (item) => item.customer.phone?.replace(/\D/g, '') === waId,
  );
  if (!found) throw new Error(`no conversation of ${waId} on ${channel.name}`);
  return found;
}

const expectOk = async (response: Promise<{ statusCode: number; body: string }>) => {
  const settled = await response;
  expect(settled.statusCode, settled.body).toBe(200);
};

describe('inbox counts kept as counters', () => {
  it('counts a conversation as soon as a webhook creates it, and follows it from unread to read and back', async () => {
    await customerWrites(ventas, '5215511110001');
    expect(await expectCountersExact()).toHaveLength(1);
    expect(await countsOf(admin)).toMatchObject({
      tabs: { to_resolve: 1, all: 1 },
      statuses: { new: 1 },
      unread: 1,
    });
    const conversation = await conversationOf('5215511110001', ventas);

    await expectOk(callAs(t, admin, 'PUT', `/conversations/${conversation.id}/read`, { read: true }));
    await expectCountersExact();
    expect((await countsOf(admin)).unread).toBe(0);

    await customerWrites(ventas, '5215511110001');
    await customerWrites(ventas, '5215511110001');
    await expectCountersExact();
    expect((await countsOf(admin)).unread).toBe(1);

    await expectOk(callAs(t, admin, 'POST', `/conversations/${conversation.id}/open`));
    await expectCountersExact();
    expect(await countsOf(admin)).toMatchObject({ statuses: { new: 0, open: 1 }, unread: 0 });
    await expectCountsMatchLists();
  });

  it('moves a conversation between status counts on every status change', async () => {
    await customerWrites(ventas, '5215511110002');
    await customerWrites(soporte, '5215511110003');
    const conversation = await conversationOf('5215511110002', ventas);
    for (const status of ['open', 'pending', 'resolved', 'pending', 'resolved'] as const) {
      await expectOk(callAs(t, admin, 'PUT', `/conversations/${conversation.id}/status`, { status }));
      await expectCountersExact();
      expect((await countsOf(admin, `&channel=${ventas.id}`)).statuses[status]).toBe(1);
    }
    // A customer writing to a resolved conversation reopens it.
    await expectOk(
      callAs(t, admin, 'PUT', `/conversations/${conversation.id}/status`, { status: 'resolved' }),
    );
    await customerWrites(ventas, '5215511110002');
    await expectCountersExact();
    await expectCountsMatchLists();
  });

  it('takes opposite status moves at the same moment without failing one, and stays exact', async () => {
    const phones = Array.from({ length: 24 }, (_, index) => `52155122200${String(index).padStart(2, '0')}`);
    for (const phone of phones) await customerWrites(ventas, phone);
    const conversations = await Promise.all(phones.map((phone) => conversationOf(phone, ventas)));
    const moveTo = (conversation: Conversation, status: ConversationStatus) =>
      callAs(t, admin, 'PUT', `/conversations/${conversation.id}/status`, { status });
    // Half go pending → resolved while the other half go resolved → pending (the one way back a
    // person may take), on the same two counter rows.
    for (const [index, conversation] of conversations.entries()) {
      await expectOk(moveTo(conversation, 'pending'));
      if (index % 2 === 1) await expectOk(moveTo(conversation, 'resolved'));
    }
    for (let round = 0; round < 4; round += 1) {
      const answers = await Promise.all(
        conversations.map((conversation, index) =>
          moveTo(conversation, (index + round) % 2 === 0 ? 'resolved' : 'pending'),
        ),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 200));
    }
    await expectCountersExact();
    expect((await countsOf(admin, `&channel=${ventas.id}`)).statuses).toMatchObject({
      pending: 12,
      resolved: 12,
    });
  });

  it('follows assign, reassign and unassign for every member’s view', async () => {
    await customerWrites(ventas, '5215511110004');
    await customerWrites(soporte, '5215511110004');
    await customerWrites(soporte, '5215511110005');
    const conversation = await conversationOf('5215511110004', ventas);
    const assign = (memberId: string | null) =>
      expectOk(callAs(t, admin, 'PUT', `/conversations/${conversation.id}/assignee`, { memberId }));

    await assign(agent.me.member.id);
    await expectCountersExact();
    // Assignment is per customer: both of their conversations moved to Lucía.
    expect((await countsOf(agent, '&assignee=me')).tabs.all).toBe(2);
    expect((await countsOf(assignedOnly)).tabs.all).toBe(0);

    await assign(assignedOnly.me.member.id);
    await expectCountersExact();
    expect((await countsOf(assignedOnly)).tabs.all).toBe(2);
    expect((await countsOf(agent)).tabs.all).toBe(1);

    await assign(null);
    await expectCountersExact();
    expect((await countsOf(assignedOnly)).tabs.all).toBe(0);
    expect((await countsOf(agent, '&assignee=unassigned')).tabs.all).toBe(3);
    await expectCountsMatchLists();
  });

  it('stays exact when a merge moves conversations to the kept customer and folds threads on the same channel', async () => {
    await customerWrites(ventas, '5215511110006');
    await customerWrites(soporte, '5215511110006');
    await customerWrites(ventas, '5215511110007');
    const postventa = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Postventa');
    await customerWrites(postventa, '5215511110008');
    const kept = await conversationOf('5215511110006', ventas);
    await expectOk(
      callAs(t, admin, 'PUT', `/conversations/${kept.id}/assignee`, { memberId: agent.me.member.id }),
    );
    await expectOk(callAs(t, admin, 'PUT', `/conversations/${kept.id}/read`, { read: true }));
    const sameChannel = await conversationOf('5215511110007', ventas);
    const otherChannel = await conversationOf('5215511110008', postventa);
    await expectOk(
      callAs(t, admin, 'PUT', `/conversations/${otherChannel.id}/status`, { status: 'resolved' }),
    );

    await expectOk(
      callAs(t, admin, 'POST', `/customers/${kept.customer.id}/merge`, { from: sameChannel.customer.id }),
    );
    await expectCountersExact();
    expect((await countsOf(admin)).tabs.all).toBe(3);

    await expectOk(
      callAs(t, admin, 'POST', `/customers/${kept.customer.id}/merge`, { from: otherChannel.customer.id }),
    );
    const rows = await expectCountersExact();
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(3);
    expect(rows.filter((row) => row.owner_member_id === agent.me.member.id)).toHaveLength(3);
    await expectCountsMatchLists();
  });

  it('drops the conversations of a deleted channel, customer or workspace, and unassigns those of a removed member', async () => {
    const other = await createAnotherWorkspace(t.app, t.db);
    const otherChannel = await createChannel(t.db, other.me.workspace.id, 'whatsapp', 'Otra');
    await customerWrites(ventas, '5215511110009');
    await customerWrites(soporte, '5215511110009');
    await customerWrites(soporte, '5215511110010');
    await customerWrites(otherChannel, '5215511110011');
    expect(await expectCountersExact()).toHaveLength(3);

    // No route deletes these yet; the database cascades, and the counters must follow it.
    await t.db.kysely.deleteFrom('channels').where('id', '=', ventas.id).execute();
    await expectCountersExact();
    const customer = (await conversationOf('5215511110010', soporte)).customer.id;
    await t.db.kysely.deleteFrom('customers').where('id', '=', customer).execute();
    expect(await expectCountersExact()).toHaveLength(2);
    await expectOk(
      callAs(
        t,
        admin,
        'PUT',
        `/conversations/${(await conversationOf('5215511110009', soporte)).id}/assignee`,
        {
          memberId: agent.me.member.id,
        },
      ),
    );
    // A removed member's conversations become unassigned (ON DELETE SET NULL).
    await t.db.kysely.deleteFrom('members').where('id', '=', agent.me.member.id).execute();
    await expectCountersExact();
    await t.db.kysely.deleteFrom('workspaces').where('id', '=', other.me.workspace.id).execute();
    expect(await expectCountersExact()).toHaveLength(1);
    expect(await storedCounters()).toHaveLength(1);
    await expectCountsMatchLists([admin, assignedOnly]);
  });

  it('fills the counters from the conversations that were there before the migration', async () => {
    await customerWrites(ventas, '5215511110012');
    await customerWrites(soporte, '5215511110012');
    await customerWrites(soporte, '5215511110013');
    const conversation = await conversationOf('5215511110012', ventas);
    await expectOk(
      callAs(t, admin, 'PUT', `/conversations/${conversation.id}/assignee`, { memberId: agent.me.member.id }),
    );
    const fresh = await countedAfresh();
    await t.db.kysely.deleteFrom('conversation_counts').execute();
    await fillConversationCounts(t.db.kysely);
    expect(await storedCounters()).toEqual(fresh);
  });

  it('agrees with a fresh count and with every member’s list after a random run of inbox work through the API', async () => {
    const random = createRandom(20261124);
    const customers = Array.from({ length: 8 }, (_, i) => `52155222200${String(i).padStart(2, '0')}`);
    const channels = [ventas, soporte];
    const members = [agent.me.member.id, assignedOnly.me.member.id, admin.me.member.id, null];
    const done = new Set<string>();
    for (let step = 0; step < 60; step += 1) {
      const known = await everyConversation(admin);
      const action =
        known.length < 3 ? 'write' : random.pick(['write', 'status', 'assign', 'read', 'open', 'merge']);
      const conversation = known.length > 0 ? random.pick(known) : null;
      done.add(conversation ? action : 'write');
      if (action === 'write' || !conversation) {
        await customerWrites(random.pick(channels), random.pick(customers));
      } else if (action === 'status') {
        const moves = manualMovesFrom(conversation.status);
        if (moves.length > 0)
          await expectOk(
            callAs(t, admin, 'PUT', `/conversations/${conversation.id}/status`, {
              status: random.pick(moves),
            }),
          );
      } else if (action === 'assign') {
        await expectOk(
          callAs(t, admin, 'PUT', `/conversations/${conversation.id}/assignee`, {
            memberId: random.pick(members),
          }),
        );
      } else if (action === 'read') {
        await expectOk(
          callAs(t, admin, 'PUT', `/conversations/${conversation.id}/read`, { read: random.chance(0.7) }),
        );
      } else if (action === 'open') {
        await expectOk(callAs(t, admin, 'POST', `/conversations/${conversation.id}/open`));
      } else {
        const from = random.pick(known).customer.id;
        if (from !== conversation.customer.id)
          await expectOk(callAs(t, admin, 'POST', `/customers/${conversation.customer.id}/merge`, { from }));
      }
      await expectCountersExact();
    }
    expect([...done].sort()).toEqual(['assign', 'merge', 'open', 'read', 'status', 'write']);
    expect((await countedAfresh()).length).toBeGreaterThan(3);
    await expectCountsMatchLists();
  });
});
