import type { ConversationStatus, InboxTab } from '@charla/contracts';
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type CustomFieldFilter, customerMatchesFields } from '../custom-fields/custom-field-filters.ts';
import type { Db } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { decodeCursor, encodeCursor } from './conversation-cursor.ts';
import type { ConversationScope } from './conversations.policy.ts';
import { type CustomerSet, customerSetsOf } from './customer-filter.queries.ts';

/** The list's filters after validation; `assignee` is already resolved from `me`. */
export interface ListFilters {
  tab: InboxTab;
  status?: ConversationStatus;
  assignee?: { kind: 'unassigned' } | { kind: 'member'; memberId: string };
  channelId?: string;
  tagIds?: string[];
  unread?: boolean;
  q?: string;
  /** `field.<id>=` parameters: the customer's custom field values. */
  customFields?: CustomFieldFilter[];
}

const TAB_STATUSES: Record<InboxTab, ConversationStatus[] | null> = {
  to_resolve: ['new', 'open', 'pending'],
  resolved: ['resolved'],
  all: null,
};

type ConversationQuery = SelectQueryBuilder<Database, 'conversations', object>;

/**
 * Applies visibility and every filter except tab, status and channel (which counts group by).
 * `customerSets` are the tag and search filters, resolved by `customerSetsOf`.
 */
function applyCommonFilters(
  db: Db,
  query: ConversationQuery,
  workspaceId: string,
  scope: ConversationScope,
  filters: ListFilters,
  customerSets: CustomerSet[],
): ConversationQuery {
  const startFromCustomers = customerSets.some((set) => set.kind === 'few');
  // Starting from a few customers' conversations, the workspace check must not steer the
  // planner to the workspace-wide list index instead (see Dialect.unindexed).
  let q = startFromCustomers
    ? query.where(
        sql<boolean>`${dialectFor(db.engine).unindexed('conversations.workspace_id')} = ${workspaceId}`,
      )
    : query.where('conversations.workspace_id', '=', workspaceId);
  if (scope.kind === 'own') q = q.where('conversations.owner_member_id', '=', scope.memberId);
  if (scope.kind === 'own_or_unassigned') {
    q = q.where((eb) =>
      eb.or([
        eb('conversations.owner_member_id', '=', scope.memberId),
        eb('conversations.owner_member_id', 'is', null),
      ]),
    );
  }
  if (filters.assignee?.kind === 'unassigned') q = q.where('conversations.owner_member_id', 'is', null);
  if (filters.assignee?.kind === 'member')
    q = q.where('conversations.owner_member_id', '=', filters.assignee.memberId);
  if (filters.unread === true) q = q.where('conversations.unread_count', '>', 0);
  if (filters.unread === false) q = q.where('conversations.unread_count', '=', 0);
  if (filters.customFields && filters.customFields.length > 0) {
    const customFields = filters.customFields;
    q = q.where((eb: ExpressionBuilder<Database, 'conversations'>) =>
      customerMatchesFields(eb, customFields),
    );
  }
  for (const set of customerSets) {
    if (set.kind === 'many') q = q.where(sql<boolean>`conversations.customer_id in (${set.query})`);
    else if (set.customerIds.length > 0) q = q.where('conversations.customer_id', 'in', set.customerIds);
    else q = q.where(sql<boolean>`1 = 0`);
  }
  return q;
}

/** One page of the conversation list: ids in order, plus the cursor to the next page. */
export async function listConversationIds(
  db: Db,
  workspaceId: string,
  scope: ConversationScope,
  filters: ListFilters,
  page: { sort: 'recent' | 'oldest'; cursor?: string; limit: number },
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const customerSets = await customerSetsOf(db, workspaceId, filters);
  let query = applyCommonFilters(
    db,
    db.kysely.selectFrom('conversations'),
    workspaceId,
    scope,
    filters,
    customerSets,
  );
  const statuses = filters.status ? [filters.status] : TAB_STATUSES[filters.tab];
  if (statuses) query = query.where('conversations.status', 'in', statuses);
  if (filters.channelId) query = query.where('conversations.channel_id', '=', filters.channelId);
  if (page.cursor) {
    const position = decodeCursor(page.cursor);
    const comparison = page.sort === 'recent' ? sql.raw('<') : sql.raw('>');
    query = query.where(
      sql<boolean>`(conversations.last_activity_at, conversations.id) ${comparison} (${position.at}, ${position.id})`,
    );
  }
  const direction = page.sort === 'recent' ? 'desc' : 'asc';
  const rows = await query
    .select(['conversations.id', 'conversations.last_activity_at'])
    .orderBy('conversations.last_activity_at', direction)
    .orderBy('conversations.id', direction)
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    ids: pageRows.map((row) => row.id),
    nextCursor:
      rows.length > page.limit && last ? encodeCursor({ at: last.last_activity_at, id: last.id }) : null,
  };
}

/** How `conversation_counts` keys unassigned conversations (a key column cannot be null). */
const UNASSIGNED = '';

type CountGroup = { status: ConversationStatus; channelId: string; total: number; unread: number };

/**
 * Counts per status and per channel (for tabs and rail badges) under the same filters. Without
 * a tag, search or custom-field filter they come from the counters the triggers keep (a sum over
 * a few rows, ADR 0007); those filters depend on the customer, so they count the conversations.
 */
export async function countConversations(
  db: Db,
  workspaceId: string,
  scope: ConversationScope,
  filters: ListFilters,
): Promise<CountGroup[]> {
  const byCustomer =
    (filters.tagIds?.length ?? 0) > 0 || Boolean(filters.q) || (filters.customFields?.length ?? 0) > 0;
  return byCustomer
    ? scanConversationCounts(db, workspaceId, scope, filters)
    : readConversationCounters(db, workspaceId, scope, filters);
}

async function readConversationCounters(
  db: Db,
  workspaceId: string,
  scope: ConversationScope,
  filters: ListFilters,
): Promise<CountGroup[]> {
  let query = db.kysely.selectFrom('conversation_counts').where('workspace_id', '=', workspaceId);
  if (scope.kind === 'own') query = query.where('owner_member_id', '=', scope.memberId);
  if (scope.kind === 'own_or_unassigned')
    query = query.where('owner_member_id', 'in', [scope.memberId, UNASSIGNED]);
  if (filters.assignee?.kind === 'unassigned') query = query.where('owner_member_id', '=', UNASSIGNED);
  if (filters.assignee?.kind === 'member')
    query = query.where('owner_member_id', '=', filters.assignee.memberId);
  const rows = await query
    .select((eb) => [
      'status',
      'channel_id',
      eb.fn.sum<number>('total').as('total'),
      eb.fn.sum<number>('unread').as('unread'),
    ])
    .groupBy(['status', 'channel_id'])
    .execute();
  return rows
    .map((row) => {
      const total = Number(row.total);
      const unread = Number(row.unread);
      // The unread filter keeps the unread conversations, or the rest.
      if (filters.unread === true)
        return { status: row.status, channelId: row.channel_id, total: unread, unread };
      if (filters.unread === false)
        return { status: row.status, channelId: row.channel_id, total: total - unread, unread: 0 };
      return { status: row.status, channelId: row.channel_id, total, unread };
    })
    .filter((group) => group.total > 0);
}

async function scanConversationCounts(
  db: Db,
  workspaceId: string,
  scope: ConversationScope,
  filters: ListFilters,
): Promise<CountGroup[]> {
  const rows = await applyCommonFilters(
    db,
    db.kysely.selectFrom('conversations'),
    workspaceId,
    scope,
    filters,
    await customerSetsOf(db, workspaceId, filters),
  )
    .select((eb) => [
      'conversations.status',
      'conversations.channel_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when conversations.unread_count > 0 then 1 else 0 end`).as('unread'),
    ])
    .groupBy(['conversations.status', 'conversations.channel_id'])
    .execute();
  return rows.map((row) => ({
    status: row.status,
    channelId: row.channel_id,
    total: Number(row.total),
    unread: Number(row.unread ?? 0),
  }));
}

/** Everything a list row shows, for a set of conversations, in one query (tags in one more). */
export function selectConversationViews(db: Executor) {
  return db
    .selectFrom('conversations')
    .innerJoin('customers', 'customers.id', 'conversations.customer_id')
    .innerJoin('channels', 'channels.id', 'conversations.channel_id')
    .leftJoin('members', 'members.id', 'conversations.owner_member_id')
    .select([
      'conversations.id',
      'conversations.workspace_id',
      'conversations.status',
      'conversations.owner_member_id',
      'conversations.unread_count',
      'conversations.last_activity_at',
      'conversations.last_inbound_at',
      'conversations.last_message_preview',
      'conversations.last_message_kind',
      'conversations.last_message_direction',
      'conversations.last_message_state',
      'conversations.created_at',
      'conversations.customer_id',
      'customers.first_name',
      'customers.last_name',
      'customers.profile_name',
      'customers.phone',
      'customers.bot_enabled',
      'customers.blocked',
      'customers.pending_reminders',
      'channels.id as channel_id',
      'channels.type as channel_type',
      'channels.name as channel_name',
      'members.name as owner_name',
    ]);
}

export type ConversationViewRow = Awaited<
  ReturnType<ReturnType<typeof selectConversationViews>['executeTakeFirstOrThrow']>
>;

export async function loadConversationViews(
  db: Executor,
  ids: readonly string[],
): Promise<ConversationViewRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectConversationViews(db).where('conversations.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
