import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInbox } from '../seed/seed-inbox.ts';
import { as, createTestApp, setUpWorkspace, type TestApp, type TestSession } from '../testing/index.ts';
import { customerSetsOf, FEW_CUSTOMERS } from './customer-filter.queries.ts';

/**
 * Tag and search filters take one of two plans depending on how many customers match (see
 * customer-filter.queries.ts). Whichever is taken, the pages must hold exactly the matching
 * conversations, in order, once each; here they are compared with a plain scan of the rows.
 */
let t: TestApp;
let admin: TestSession;
let workspaceId: string;

interface Row {
  id: string;
  status: string;
  last_activity_at: number;
  search_text: string;
  tags: string[];
}
let rows: Row[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
  workspaceId = admin.me.workspace.id;
  await seedInbox(t.db, { customers: 3000, messages: 3500, workspaceId, seed: 42 });
  const conversations = await t.db.kysely
    .selectFrom('conversations')
    .innerJoin('customers', 'customers.id', 'conversations.customer_id')
    .select([
      'conversations.id',
      'conversations.status',
      'conversations.last_activity_at',
      'conversations.customer_id',
      'customers.search_text',
    ])
    .where('conversations.workspace_id', '=', workspaceId)
    .execute();
  const tagRows = await t.db.kysely.selectFrom('customer_tags').select(['customer_id', 'tag_id']).execute();
  rows = conversations.map((row) => ({
    ...row,
    last_activity_at: Number(row.last_activity_at),
    tags: tagRows.filter((tag) => tag.customer_id === row.customer_id).map((tag) => tag.tag_id),
  }));
}, 120_000);
afterAll(async () => t.close());

/** Every page of the list for `query`, followed by cursor. */
async function allPages(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await t.app.inject(
      as(admin, { url: `/api/v1/conversations?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}` }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null } = response.json();
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

function expected(keep: (row: Row) => boolean): string[] {
  return rows
    .filter((row) => row.status !== 'resolved' && keep(row))
    .sort((a, b) => b.last_activity_at - a.last_activity_at || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);
}

/** The three-letter run of letters found in the most customers' search text. */
function commonestTrigram(): string {
  const customersWith = new Map<string, number>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (let i = 0; i + 3 <= row.search_text.length; i += 1) {
      const trigram = row.search_text.slice(i, i + 3);
      if (/^[a-z]{3}$/.test(trigram)) seen.add(trigram);
    }
    for (const trigram of seen) customersWith.set(trigram, (customersWith.get(trigram) ?? 0) + 1);
  }
  return [...customersWith.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

describe('the conversation list at scale', () => {
  it('finds every conversation of a search that matches many customers, in order, once', async () => {
    const needle = commonestTrigram();
    const [set] = await customerSetsOf(t.db, workspaceId, { q: needle });
    expect(set?.kind, `"${needle}" should match more than ${FEW_CUSTOMERS} customers`).toBe('many');
    const wanted = expected((row) => row.search_text.includes(needle));
    expect(await allPages(`q=${needle}`)).toEqual(wanted);
  });

  it('finds every conversation of a search that matches a few customers, in order, once', async () => {
    const phone =
      rows
        .filter((row) => row.status !== 'resolved')
        .map((row) => /\b\d{12,13}\b/.exec(row.search_text)?.[0])
        .find(Boolean) ?? '';
    const typed = `+${phone.slice(0, 2)} ${phone.slice(2, 6)} ${phone.slice(6)}`;
    const [set] = await customerSetsOf(t.db, workspaceId, { q: typed });
    expect(set?.kind).toBe('few');
    const wanted = expected((row) => row.search_text.includes(phone));
    expect(wanted.length).toBeGreaterThan(0);
    expect(await allPages(`q=${encodeURIComponent(typed)}`)).toEqual(wanted);
  });

  it('lists every conversation of a tag, alone and with a search, in order, once', async () => {
    const tagIds = [...new Set(rows.flatMap((row) => row.tags))];
    expect(tagIds.length).toBeGreaterThan(1);
    for (const tagId of tagIds) {
      expect(await allPages(`tag=${tagId}`)).toEqual(expected((row) => row.tags.includes(tagId)));
    }
    const [first, second] = tagIds as [string, string];
    const needle = commonestTrigram();
    expect(await allPages(`tag=${first},${second}&q=${needle}`)).toEqual(
      expected(
        (row) => (row.tags.includes(first) || row.tags.includes(second)) && row.search_text.includes(needle),
      ),
    );
  });

  it('counts a many-customer search the same as its pages', async () => {
    const needle = commonestTrigram();
    const response = await t.app.inject(as(admin, { url: `/api/v1/conversations/counts?q=${needle}` }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().tabs.to_resolve).toBe(expected((row) => row.search_text.includes(needle)).length);
  });
});
