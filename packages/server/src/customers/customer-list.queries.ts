import type { ChannelType } from '@charla/contracts';
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { conversationScope } from '../conversations/conversations.policy.ts';
import type { CustomFieldFilter } from '../custom-fields/custom-field-filters.ts';
import type { Db } from '../db/client.ts';
import { dialectFor } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { AppError } from '../platform/errors.ts';
import { searchNeedle } from './customer-search.ts';
import type { CustomerRow } from './customers.repo.ts';

/** The Customers page's filters after validation; `owner` is already resolved from `me`. */
export interface CustomerFilters {
  q?: string;
  tagId?: string;
  owner?: { kind: 'unassigned' } | { kind: 'member'; memberId: string };
  customFields: CustomFieldFilter[];
}

type CustomerQuery = SelectQueryBuilder<Database, 'customers', object>;

/**
 * The customers the actor may see (exactly those whose conversations they may see) that pass
 * every filter.
 */
function filteredCustomers(db: Db, actor: Actor, filters: CustomerFilters): CustomerQuery {
  let query: CustomerQuery = db.kysely
    .selectFrom('customers')
    .where('customers.workspace_id', '=', actor.workspaceId);
  const scope = conversationScope(actor);
  if (scope.kind === 'own') query = query.where('customers.owner_member_id', '=', scope.memberId);
  if (scope.kind === 'own_or_unassigned') {
    query = query.where((eb) =>
      eb.or([
        eb('customers.owner_member_id', '=', scope.memberId),
        eb('customers.owner_member_id', 'is', null),
      ]),
    );
  }
  if (filters.owner?.kind === 'unassigned') query = query.where('customers.owner_member_id', 'is', null);
  if (filters.owner?.kind === 'member')
    query = query.where('customers.owner_member_id', '=', filters.owner.memberId);
  const tagId = filters.tagId;
  if (tagId) {
    query = query.where((eb) =>
      eb(
        'customers.id',
        'in',
        eb
          .selectFrom('customer_tags')
          .select('customer_tags.customer_id')
          .where('customer_tags.tag_id', '=', tagId),
      ),
    );
  }
  const needle = filters.q ? searchNeedle(filters.q) : '';
  if (needle) {
    const matching = dialectFor(db.engine).customerIdsMatching(actor.workspaceId, needle);
    query = query.where(sql<boolean>`customers.id in (${matching})`);
  }
  for (const filter of filters.customFields) {
    query = query.where((eb: ExpressionBuilder<Database, 'customers'>) =>
      eb(
        'customers.id',
        'in',
        eb
          .selectFrom('custom_field_values')
          .select('custom_field_values.customer_id')
          .where('custom_field_values.field_id', '=', filter.fieldId)
          .where('custom_field_values.value', 'in', filter.values),
      ),
    );
  }
  return query;
}

function encodeCustomerCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function decodeCustomerCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^[0-9a-f-]{36}$/.test(id)) return id;
  throw new AppError('INVALID_CURSOR', {
    fields: [{ field: 'query.cursor', message: 'is not a cursor this API gave out' }],
  });
}

/** One page of customers, newest first (ids are time-ordered UUIDv7), keyset-paged on the id. */
export async function listCustomerPage(
  db: Db,
  actor: Actor,
  filters: CustomerFilters,
  page: { cursor?: string; limit: number },
): Promise<{ rows: CustomerRow[]; nextCursor: string | null }> {
  let query = filteredCustomers(db, actor, filters);
  if (page.cursor) query = query.where('customers.id', '<', decodeCustomerCursor(page.cursor));
  const rows = await query
    .selectAll('customers')
    .orderBy('customers.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    nextCursor: rows.length > page.limit && last ? encodeCustomerCursor(last.id) : null,
  };
}

/** Every customer passing the filters, newest first, for the CSV export. */
export async function listAllCustomers(
  db: Db,
  actor: Actor,
  filters: CustomerFilters,
): Promise<CustomerRow[]> {
  return filteredCustomers(db, actor, filters)
    .selectAll('customers')
    .orderBy('customers.id', 'desc')
    .execute();
}

export interface CustomerConversationRow {
  id: string;
  customer_id: string;
  channel_type: ChannelType;
  last_activity_at: number;
}

/** The conversations of these customers with their channel type, most recent first. */
export async function conversationsWithChannel(
  db: Executor,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<CustomerConversationRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('conversations')
    .innerJoin('channels', 'channels.id', 'conversations.channel_id')
    .select([
      'conversations.id',
      'conversations.customer_id',
      'channels.type as channel_type',
      'conversations.last_activity_at',
    ])
    .where('conversations.workspace_id', '=', workspaceId)
    .where('conversations.customer_id', 'in', customerIds)
    .orderBy('conversations.last_activity_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .execute();
}

/** Names and e-mails of the workspace's members, by id. */
export async function membersById(
  db: Executor,
  workspaceId: string,
): Promise<Map<string, { name: string; email: string }>> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name', 'email'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}

/** Custom field values of several customers: customer id → field id → canonical value. */
export async function fieldValuesOfCustomers(
  db: Executor,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const byCustomer = new Map<string, Map<string, string>>();
  for (let start = 0; start < customerIds.length; start += 500) {
    const rows = await db
      .selectFrom('custom_field_values')
      .select(['customer_id', 'field_id', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const values = byCustomer.get(row.customer_id) ?? new Map<string, string>();
      values.set(row.field_id, row.value);
      byCustomer.set(row.customer_id, values);
    }
  }
  return byCustomer;
}
