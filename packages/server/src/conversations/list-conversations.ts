import type {
  Conversation,
  ConversationCounts,
  ConversationListQuery,
  conversationListQuerySchema,
} from '@charla/contracts';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { customFieldFiltersOf } from '../custom-fields/custom-field-filters.ts';
import { tagsOfCustomers } from '../customers/customers.repo.ts';
import type { Db } from '../db/client.ts';
import { conversationScope } from './conversations.policy.ts';
import { presentConversation } from './conversations.presenter.ts';
import {
  countConversations,
  type ListFilters,
  listConversationIds,
  loadConversationViews,
} from './conversations.queries.ts';

type ParsedQuery = z.output<typeof conversationListQuerySchema>;

export type { ConversationListQuery };

async function filtersOf(db: Db, actor: Actor, query: ParsedQuery): Promise<ListFilters> {
  let assignee: ListFilters['assignee'];
  if (query.assignee === 'unassigned') assignee = { kind: 'unassigned' };
  else if (query.assignee === 'me') assignee = { kind: 'member', memberId: actor.memberId };
  else if (query.assignee) assignee = { kind: 'member', memberId: query.assignee };
  return {
    tab: query.tab,
    status: query.status,
    assignee,
    channelId: query.channel,
    tagIds: query.tag,
    unread: query.unread,
    q: query.q,
    customFields: await customFieldFiltersOf(db.kysely, actor.workspaceId, query),
  };
}

/** The conversation list page the actor asked for, within what their role lets them see. */
export async function listConversations(
  db: Db,
  actor: Actor,
  query: ParsedQuery,
): Promise<{ items: Conversation[]; nextCursor: string | null }> {
  const { ids, nextCursor } = await listConversationIds(
    db,
    actor.workspaceId,
    conversationScope(actor),
    await filtersOf(db, actor, query),
    {
      sort: query.sort,
      cursor: query.cursor,
      limit: query.limit,
    },
  );
  const rows = await loadConversationViews(db.kysely, ids);
  const tags = await tagsOfCustomers(db.kysely, [...new Set(rows.map((row) => row.customer_id))]);
  return { items: rows.map((row) => presentConversation(row, tags.get(row.customer_id) ?? [])), nextCursor };
}

/** Tab, status and channel counts under the same filters (tab and channel apply to the channel badges). */
export async function countVisibleConversations(
  db: Db,
  actor: Actor,
  query: ParsedQuery,
): Promise<ConversationCounts> {
  const filters = await filtersOf(db, actor, query);
  const groups = await countConversations(db, actor.workspaceId, conversationScope(actor), filters);
  const statuses = { new: 0, open: 0, pending: 0, resolved: 0 };
  const channels = new Map<string, { channelId: string; total: number; unread: number }>();
  const inTab = (status: keyof typeof statuses) =>
    filters.status
      ? status === filters.status
      : query.tab === 'all' || (query.tab === 'resolved') === (status === 'resolved');
  let unread = 0;
  for (const group of groups) {
    if (!filters.channelId || group.channelId === filters.channelId) statuses[group.status] += group.total;
    if (!inTab(group.status)) continue;
    const channel = channels.get(group.channelId) ?? { channelId: group.channelId, total: 0, unread: 0 };
    channel.total += group.total;
    channel.unread += group.unread;
    channels.set(group.channelId, channel);
    if (!filters.channelId || group.channelId === filters.channelId) unread += group.unread;
  }
  return {
    tabs: {
      to_resolve: statuses.new + statuses.open + statuses.pending,
      resolved: statuses.resolved,
      all: statuses.new + statuses.open + statuses.pending + statuses.resolved,
    },
    statuses,
    channels: [...channels.values()],
    unread,
  };
}
