import { randomBytes } from 'node:crypto';
import type { ChannelType } from '@charla/contracts';
import type { ChannelRow } from '../channels/channels.repo.ts';
import { buildSearchText } from '../customers/customer-search.ts';
import type { Db } from '../db/client.ts';
import type { CustomerTable } from '../db/schema.ts';
import { newId } from '../platform/ids.ts';
import {
  analyzeAfterBulkLoad,
  customerPhones,
  identityExternalIds,
  type SeedBatch,
  writeSeedBatch,
} from './seed.repo.ts';
import { PersonFactory, type SeedPerson } from './seed-people.ts';
import {
  allocateMessages,
  channelWeights,
  lastActivityAt,
  SEEDED_PERIOD_MS,
  statusFor,
} from './seed-plan.ts';
import { createRandom, type Random } from './seed-random.ts';
import { SeedSequence, seedThread } from './seed-thread.ts';
import { prepareWorkspace, type SeedWorkspace } from './seed-workspace.ts';

/** What to seed. */
export interface SeedOptions {
  customers: number;
  /** Messages in total; at least one per conversation. */
  messages: number;
  /** Add to this workspace instead of creating a "Demo" one. */
  workspaceId?: string;
  /** Seed of the deterministic generator: the same seed gives the same names, texts and mix. */
  seed: number;
  /** Customers written per transaction. */
  batchSize?: number;
  now?: number;
}

/** Counts so far, reported after each batch. */
export interface SeedProgress {
  customers: number;
  conversations: number;
  messages: number;
  elapsedMs: number;
}

/** What was written. */
export interface SeedResult {
  workspaceId: string;
  createdAdmin: SeedWorkspace['createdAdmin'];
  channels: number;
  customers: number;
  conversations: number;
  messages: number;
  longestThread: { conversationId: string; messages: number } | null;
  elapsedMs: number;
}

/** Share of customers who also write on a second channel (a second conversation). */
const SECOND_CHANNEL_SHARE = 0.06;

/** Handles on a channel: a phone for WhatsApp, a PSID for Messenger, an IGSID for Instagram. */
function identityHandle(
  rng: Random,
  type: ChannelType,
  person: SeedPerson,
  people: PersonFactory,
  used: Set<string>,
): string {
  if (type === 'whatsapp') {
    person.phone ??= people.phoneIn(person.country);
    return person.phone;
  }
  for (;;) {
    const handle =
      type === 'messenger' ? `${rng.int(2, 9)}${rng.digits(15)}` : `${rng.int(1, 9)}${rng.digits(16)}`;
    if (!used.has(handle)) {
      used.add(handle);
      return handle;
    }
  }
}

/**
 * Fills a workspace with realistic customers, conversations and messages for the demo and the
 * benchmarks: batched multi-row inserts, one transaction per slice of customers, conversation
 * columns consistent with the messages written.
 */
export async function seedInbox(
  db: Db,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<SeedResult> {
  const started = Date.now();
  const now = options.now ?? started;
  const rng = createRandom(options.seed);
  const workspace = await prepareWorkspace(db, rng, { workspaceId: options.workspaceId, now });
  const usedHandles = new Set([
    ...(await identityExternalIds(
      db.kysely,
      workspace.channels.map((channel) => channel.id),
    )),
    ...(await customerPhones(db.kysely, workspace.workspaceId)),
  ]);
  const people = new PersonFactory(rng, usedHandles);
  const sequence = new SeedSequence(randomBytes(4).toString('hex'));
  const channelMix = channelWeights(workspace.channels);
  const tagMix = workspace.tags.map((tag, index) => [tag, 1 / (index + 1)] as const);

  // Which customers get a second conversation is fixed first, so the messages can be spread
  // over the exact number of conversations.
  const seconds = new Uint8Array(options.customers);
  let conversationsTotal = options.customers;
  for (let i = 0; i < options.customers && workspace.channels.length > 1; i += 1) {
    if (conversationsTotal < options.messages && rng.chance(SECOND_CHANNEL_SHARE)) {
      seconds[i] = 1;
      conversationsTotal += 1;
    }
  }
  if (options.messages < conversationsTotal) {
    throw new Error(`--messages (${options.messages}) must be at least --customers (${options.customers})`);
  }
  const { counts, longest } = allocateMessages(rng, conversationsTotal, options.messages);

  const batchSize = options.batchSize ?? 1000;
  const totals = { customers: 0, conversations: 0, messages: 0 };
  let longestThread: SeedResult['longestThread'] = null;
  let conversationIndex = 0;
  for (let start = 0; start < options.customers; start += batchSize) {
    const batch: SeedBatch = {
      customers: [],
      identities: [],
      customerTags: [],
      conversations: [],
      messages: [],
      reactions: [],
    };
    for (let i = start; i < Math.min(options.customers, start + batchSize); i += 1) {
      const first = rng.weighted(channelMix);
      const channels: ChannelRow[] = [first];
      if (seconds[i] === 1) {
        const others = channelMix.filter(([channel]) => channel.id !== first.id);
        channels.push(rng.weighted(others));
      }
      const person = people.person(first.type);
      const customerId = newId();
      const ownerId = rng.chance(0.25) ? null : rng.weighted(workspace.owners);
      let createdAt = now;
      let updatedAt = 0;
      for (const channel of channels) {
        const conversationId = newId();
        const messages = counts[conversationIndex] ?? 1;
        if (conversationIndex === longest) longestThread = { conversationId, messages };
        conversationIndex += 1;
        const endAt = lastActivityAt(rng, now);
        const plan = {
          conversationId,
          workspaceId: workspace.workspaceId,
          channel,
          person,
          messages,
          status: statusFor(rng, now - endAt, ownerId !== null, messages),
          ownerId,
          endAt,
          earliestAt: now - SEEDED_PERIOD_MS,
          now,
        };
        const thread = seedThread(rng, sequence, plan, workspace.cast);
        batch.conversations.push({
          id: conversationId,
          workspace_id: workspace.workspaceId,
          customer_id: customerId,
          channel_id: channel.id,
          owner_member_id: ownerId,
          status: plan.status,
          ...thread.conversation,
        });
        batch.messages.push(...thread.messages);
        batch.reactions.push(...thread.reactions);
        batch.identities.push({
          id: newId(),
          workspace_id: workspace.workspaceId,
          customer_id: customerId,
          channel_id: channel.id,
          external_id: identityHandle(rng, channel.type, person, people, usedHandles),
          profile_name: person.profileName,
          created_at: thread.conversation.created_at,
        });
        createdAt = Math.min(createdAt, thread.conversation.created_at);
        updatedAt = Math.max(updatedAt, thread.conversation.updated_at);
      }
      batch.customers.push(
        customerRow(rng, person, { customerId, ownerId, createdAt, updatedAt }, workspace),
      );
      if (rng.chance(0.4) && tagMix.length > 0) {
        const tagIds = new Set<string>();
        const wanted = rng.weighted([
          [1, 60],
          [2, 30],
          [3, 10],
        ]);
        while (tagIds.size < Math.min(wanted, tagMix.length)) tagIds.add(rng.weighted(tagMix).id);
        for (const tagId of tagIds) {
          batch.customerTags.push({
            customer_id: customerId,
            tag_id: tagId,
            workspace_id: workspace.workspaceId,
            created_at: updatedAt,
          });
        }
      }
    }
    await writeSeedBatch(db, batch);
    totals.customers += batch.customers.length;
    totals.conversations += batch.conversations.length;
    totals.messages += batch.messages.length;
    onProgress({ ...totals, elapsedMs: Date.now() - started });
  }
  await analyzeAfterBulkLoad(db);

  return {
    workspaceId: workspace.workspaceId,
    createdAdmin: workspace.createdAdmin,
    channels: workspace.channels.length,
    ...totals,
    longestThread,
    elapsedMs: Date.now() - started,
  };
}

function customerRow(
  rng: Random,
  person: SeedPerson,
  row: { customerId: string; ownerId: string | null; createdAt: number; updatedAt: number },
  workspace: SeedWorkspace,
): CustomerTable {
  return {
    id: row.customerId,
    workspace_id: workspace.workspaceId,
    profile_name: person.profileName,
    first_name: person.firstName,
    last_name: person.lastName,
    phone: person.phone,
    email: person.email,
    owner_member_id: row.ownerId,
    bot_enabled: rng.chance(0.9) ? 1 : 0,
    blocked: rng.chance(0.005) ? 1 : 0,
    search_text: buildSearchText(person),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
