/**
 * What the query benchmark asks for, drawn from the seeded database itself: who asks (API keys
 * for an admin, an agent and an assigned-only agent), which channels and tags to filter by,
 * what people type into search, and which threads to open. Deterministic for a given seed.
 */
import { sql } from 'kysely';
import { createApiKey } from '../packages/server/src/auth/commands/create-api-key.ts';
import { normalizeText, phoneDigits } from '../packages/server/src/customers/customer-search.ts';
import type { Db } from '../packages/server/src/db/client.ts';
import { createRandom, type Random } from '../packages/server/src/seed/seed-random.ts';
import { DEMO_ADMIN_EMAIL } from '../packages/server/src/seed/seed-workspace.ts';

/** A member the benchmark acts as, with a fresh API key. */
export interface BenchActor {
  label: string;
  memberId: string;
  apiKey: string;
}

export interface BenchFixtures {
  admin: BenchActor;
  /** An agent who sees their own and unassigned chats; owns the most conversations. */
  agent: BenchActor;
  /** An agent who sees only the chats assigned to them. */
  assignedOnlyAgent: BenchActor;
  channelIds: string[];
  tagIds: string[];
  search: { names: string[]; phones: string[]; emailFragments: string[] };
  /** Random conversations, for first thread pages. */
  threads: string[];
  /** Conversations with more than two pages of messages, the longest first. */
  longThreads: string[];
}

const SEARCH_TERMS = 40;
const THREADS = 200;
const LONG_THREADS = 40;

async function actorFor(db: Db, workspaceId: string, memberId: string, label: string): Promise<BenchActor> {
  const { secret } = await createApiKey(db, {
    workspaceId,
    memberId,
    name: `npm run bench (${label})`,
    now: Date.now(),
  });
  return { label, memberId, apiKey: secret };
}

/** The agent (of the given visibility) owning the most conversations. */
async function busiestAgent(db: Db, workspaceId: string, assignedOnly: boolean): Promise<string> {
  const row = await db.kysely
    .selectFrom('members')
    .innerJoin('conversations', 'conversations.owner_member_id', 'members.id')
    .select(['members.id', (eb) => eb.fn.countAll<number>().as('owned')])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.role', '=', 'agent')
    .where('members.assigned_only', '=', assignedOnly ? 1 : 0)
    .groupBy('members.id')
    .orderBy('owned', 'desc')
    .executeTakeFirst();
  if (!row)
    throw new Error(`the seeded workspace has no ${assignedOnly ? 'assigned-only ' : ''}agent with chats`);
  return row.id;
}

/** `count` random customers of the workspace (ids read once, picked here: the same on both engines). */
async function sampleCustomers(db: Db, workspaceId: string, rng: Random, count: number) {
  const ids = await db.kysely
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const picked = Array.from({ length: count }, () => rng.pick(ids).id);
  return db.kysely
    .selectFrom('customers')
    .select(['first_name', 'last_name', 'profile_name', 'phone', 'email'])
    .where('id', 'in', picked)
    .orderBy('id')
    .execute();
}

/** A phone as people type it: with +, spaces, maybe only the national part. */
function typedPhone(rng: Random, phone: string): string {
  const digits = phoneDigits(phone);
  const national = digits.slice(-10);
  const spaced = `${national.slice(0, 2)} ${national.slice(2, 6)} ${national.slice(6)}`;
  if (rng.chance(0.5)) return `+${digits.slice(0, digits.length - 10)} ${spaced}`;
  return rng.chance(0.5) ? spaced : national.slice(0, rng.int(4, 8)).replace(/(\d{2})(?=\d)/, '$1 ');
}

/** 3 to 8 characters from somewhere in an e-mail address. */
function emailFragment(rng: Random, email: string): string {
  const length = rng.int(3, Math.min(8, email.length));
  const start = rng.int(0, email.length - length);
  return email.slice(start, start + length);
}

async function searchTerms(db: Db, workspaceId: string, rng: Random): Promise<BenchFixtures['search']> {
  const customers = await sampleCustomers(db, workspaceId, rng, SEARCH_TERMS * 3);
  const names: string[] = [];
  const phones: string[] = [];
  const emailFragments: string[] = [];
  for (const customer of customers) {
    // Typed without accents, whole name or one part of it.
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(' ') || customer.profile_name;
    if (name && names.length < SEARCH_TERMS) {
      const plain = normalizeText(name);
      names.push(rng.chance(0.5) ? plain : rng.pick(plain.split(' ')));
    }
    if (customer.phone && phones.length < SEARCH_TERMS) phones.push(typedPhone(rng, customer.phone));
    if (customer.email && emailFragments.length < SEARCH_TERMS)
      emailFragments.push(emailFragment(rng, customer.email));
  }
  return { names, phones, emailFragments: emailFragments.filter((fragment) => fragment.length >= 3) };
}

async function threadsToOpen(db: Db, workspaceId: string, rng: Random) {
  // The benchmark database holds the one seeded workspace: counting over the thread index
  // alone (no workspace column there) takes a second instead of a million row lookups.
  const counts = await db.kysely
    .selectFrom('messages')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('conversation_id')
    .having(sql`count(*)`, '>', 100)
    .orderBy('n', 'desc')
    .execute();
  const longThreads = counts.slice(0, LONG_THREADS).map((row) => row.conversation_id);
  const ids = await db.kysely
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const threads = Array.from({ length: THREADS }, () => rng.pick(ids).id);
  return { threads, longThreads };
}

/** Loads the fixtures of the seeded workspace and creates the API keys the benchmark uses. */
export async function loadBenchFixtures(db: Db, seed: number): Promise<BenchFixtures> {
  const rng = createRandom(seed);
  const admin = await db.kysely
    .selectFrom('members')
    .select(['id', 'workspace_id'])
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirstOrThrow();
  const workspaceId = admin.workspace_id;
  const [channels, tags] = await Promise.all([
    db.kysely
      .selectFrom('channels')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db.kysely.selectFrom('tags').select('id').where('workspace_id', '=', workspaceId).orderBy('id').execute(),
  ]);
  const agentId = await busiestAgent(db, workspaceId, false);
  const assignedOnlyId = await busiestAgent(db, workspaceId, true);
  return {
    admin: await actorFor(db, workspaceId, admin.id, 'admin'),
    agent: await actorFor(db, workspaceId, agentId, 'agent'),
    assignedOnlyAgent: await actorFor(db, workspaceId, assignedOnlyId, 'assigned-only agent'),
    channelIds: channels.map((row) => row.id),
    tagIds: tags.map((row) => row.id),
    search: await searchTerms(db, workspaceId, rng),
    ...(await threadsToOpen(db, workspaceId, rng)),
  };
}
