import type { CustomerListItem, CustomerListResponse, customerListQuerySchema } from '@charla/contracts';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { customFieldFiltersOf } from '../custom-fields/custom-field-filters.ts';
import type { Db } from '../db/client.ts';
import { fieldError } from '../platform/errors.ts';
import {
  type CustomerFilters,
  conversationsWithChannel,
  listCustomerPage,
  membersById,
} from './customer-list.queries.ts';
import { displayNameOf } from './customer-search.ts';
import { tagsOfCustomers } from './customers.repo.ts';

export type ParsedCustomerListQuery = z.output<typeof customerListQuerySchema>;

/** The query's filters, checked: `owner=me` is the actor, custom field values match their field. */
export async function customerFiltersOf(
  db: Db,
  actor: Actor,
  query: ParsedCustomerListQuery,
): Promise<CustomerFilters> {
  let owner: CustomerFilters['owner'];
  if (query.owner === 'unassigned') owner = { kind: 'unassigned' };
  else if (query.owner === 'me') owner = { kind: 'member', memberId: actor.memberId };
  else if (query.owner) {
    if (!(await membersById(db.kysely, actor.workspaceId)).has(query.owner)) {
      throw fieldError('query.owner', 'must be me, unassigned or a member of this workspace');
    }
    owner = { kind: 'member', memberId: query.owner };
  }
  return {
    q: query.q,
    tagId: query.tag,
    owner,
    customFields: await customFieldFiltersOf(db.kysely, actor.workspaceId, query),
  };
}

/** A page of the Customers page: each customer with owner, tags and their conversations. */
export async function listCustomers(
  db: Db,
  actor: Actor,
  query: ParsedCustomerListQuery,
): Promise<CustomerListResponse> {
  const filters = await customerFiltersOf(db, actor, query);
  const { rows, nextCursor } = await listCustomerPage(db, actor, filters, query);
  const ids = rows.map((row) => row.id);
  const [tags, conversations, members] = await Promise.all([
    tagsOfCustomers(db.kysely, ids),
    conversationsWithChannel(db.kysely, actor.workspaceId, ids),
    membersById(db.kysely, actor.workspaceId),
  ]);
  const items = rows.map((row): CustomerListItem => {
    const own = conversations.filter((conversation) => conversation.customer_id === row.id);
    return {
      id: row.id,
      displayName: displayNameOf(row),
      phone: row.phone,
      email: row.email,
      ownerMemberId: row.owner_member_id,
      ownerName: row.owner_member_id ? (members.get(row.owner_member_id)?.name ?? null) : null,
      tags: tags.get(row.id) ?? [],
      conversationsCount: own.length,
      lastActivityAt: own[0]?.last_activity_at ?? null,
      conversations: own.map((conversation) => ({
        id: conversation.id,
        channelType: conversation.channel_type,
        lastActivityAt: conversation.last_activity_at,
      })),
      createdAt: row.created_at,
    };
  });
  return { items, nextCursor };
}
