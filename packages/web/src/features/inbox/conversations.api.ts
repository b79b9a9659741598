import type { ConversationCounts, conversationListResponseSchema } from '@charla/contracts';
import type { z } from 'zod';
import { requestJson } from '../../shared/api/client.ts';
import type { ListQuery } from './inbox-filters.ts';

type ConversationListResponse = z.output<typeof conversationListResponseSchema>;

/** Rows per page: enough to fill a tall screen twice, small enough to answer in milliseconds. */
export const PAGE_SIZE = 50;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The inbox endpoints the conversation list uses, through the one API client. */
export const conversationsApi = {
  /** One keyset page; `cursor` is the previous page's `nextCursor`. */
  list: (query: ListQuery, cursor: string | null): Promise<ConversationListResponse> =>
    requestJson<ConversationListResponse>(
      'GET',
      withQuery('/conversations', { ...query, limit: String(PAGE_SIZE), cursor: cursor ?? undefined }),
    ),
  /** Tab, status and per-channel counts under the same filters as the list. */
  counts: (query: ListQuery): Promise<ConversationCounts> =>
    requestJson<ConversationCounts>('GET', withQuery('/conversations/counts', query)),
};
