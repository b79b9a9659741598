/**
 * The query benchmark's measures: conversation list pages under many filters, counts, customer
 * search and thread pages, each with its DESIGN.md target. "Next page" and "older page" paths
 * are found by walking cursors on the running server before anything is timed.
 */
import { z } from 'zod';
import { timedGet } from './bench-client.ts';
import type { BenchActor, BenchFixtures } from './bench-fixtures.ts';
import type { LatencyTarget } from './bench-stats.ts';

export interface QueryMeasure {
  name: string;
  /** Null for the reference floor, which DESIGN.md sets no target for. */
  target: LatencyTarget | null;
  actor: BenchActor;
  /** API paths under /api/v1, requested in turn. */
  paths: string[];
}

const LIST_TARGET: LatencyTarget = { p95: 10, p99: 25 };
const SEARCH_TARGET: LatencyTarget = { p95: 20 };
const THREAD_TARGET: LatencyTarget = { p95: 5 };
/** Pages walked per list filter (or thread) to collect next-page cursors. */
const PAGES_DEEP = 20;

const listPageSchema = z.object({ nextCursor: z.string().nullable() });
const threadPageSchema = z.object({ nextBefore: z.string().nullable() });

interface ListFilter {
  name: string;
  actor: BenchActor;
  /** Query strings, used in turn (one per channel or tag when it filters by one). */
  queries: string[];
}

function listFilters(f: BenchFixtures): ListFilter[] {
  const each = (key: string, values: string[]) => values.map((value) => `${key}=${value}`);
  return [
    { name: 'to resolve (admin)', actor: f.admin, queries: [''] },
    { name: 'resolved', actor: f.admin, queries: ['tab=resolved'] },
    { name: 'all', actor: f.admin, queries: ['tab=all'] },
    { name: 'to resolve (agent: own + unassigned)', actor: f.agent, queries: [''] },
    { name: 'assignee me (agent)', actor: f.agent, queries: ['assignee=me'] },
    { name: 'unassigned', actor: f.admin, queries: ['assignee=unassigned'] },
    { name: 'channel', actor: f.admin, queries: each('channel', f.channelIds) },
    { name: 'tag', actor: f.admin, queries: each('tag', f.tagIds) },
    { name: 'unread', actor: f.admin, queries: ['unread=true'] },
    { name: 'oldest first', actor: f.admin, queries: ['sort=oldest'] },
    { name: 'assigned-only agent', actor: f.assignedOnlyAgent, queries: [''] },
    {
      name: 'all + channel + unread (agent)',
      actor: f.agent,
      queries: f.channelIds.map((id) => `tab=all&channel=${id}&unread=true`),
    },
  ];
}

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** Follows next-page cursors from the first page, up to PAGES_DEEP pages, returning their paths. */
async function nextPagePaths(baseUrl: string, actor: BenchActor, query: string): Promise<string[]> {
  const paths: string[] = [];
  let cursor: string | null = listPageSchema.parse(
    (await timedGet(baseUrl, withQuery('/api/v1/conversations', query), actor)).body,
  ).nextCursor;
  while (cursor && paths.length < PAGES_DEEP) {
    const path = withQuery('/api/v1/conversations', [query, `cursor=${cursor}`].filter(Boolean).join('&'));
    paths.push(path);
    cursor = listPageSchema.parse((await timedGet(baseUrl, path, actor)).body).nextCursor;
  }
  return paths;
}

/** Older-page paths of a thread, walking back from the newest page. */
async function olderPagePaths(
  baseUrl: string,
  actor: BenchActor,
  conversationId: string,
  pages: number,
): Promise<string[]> {
  const base = `/api/v1/conversations/${conversationId}/messages`;
  const paths: string[] = [];
  let before = threadPageSchema.parse((await timedGet(baseUrl, base, actor)).body).nextBefore;
  while (before && paths.length < pages) {
    const path = `${base}?before=${before}`;
    paths.push(path);
    before = threadPageSchema.parse((await timedGet(baseUrl, path, actor)).body).nextBefore;
  }
  return paths;
}

async function listMeasures(baseUrl: string, f: BenchFixtures): Promise<QueryMeasure[]> {
  const measures: QueryMeasure[] = [];
  for (const filter of listFilters(f)) {
    measures.push({
      name: `list · ${filter.name} · first page`,
      target: LIST_TARGET,
      actor: filter.actor,
      paths: filter.queries.map((query) => withQuery('/api/v1/conversations', query)),
    });
    const next: string[] = [];
    for (const query of filter.queries) next.push(...(await nextPagePaths(baseUrl, filter.actor, query)));
    if (next.length > 0) {
      measures.push({
        name: `list · ${filter.name} · next pages`,
        target: LIST_TARGET,
        actor: filter.actor,
        paths: next,
      });
    }
  }
  return measures;
}

function countMeasures(f: BenchFixtures): QueryMeasure[] {
  const counts = (query: string) => withQuery('/api/v1/conversations/counts', query);
  return [
    { name: 'counts · admin', target: LIST_TARGET, actor: f.admin, paths: [counts('')] },
    { name: 'counts · agent', target: LIST_TARGET, actor: f.agent, paths: [counts('')] },
    {
      name: 'counts · assigned-only agent',
      target: LIST_TARGET,
      actor: f.assignedOnlyAgent,
      paths: [counts('')],
    },
    {
      name: 'counts · channel',
      target: LIST_TARGET,
      actor: f.admin,
      paths: f.channelIds.map((id) => counts(`channel=${id}`)),
    },
    {
      name: 'counts · tag',
      target: LIST_TARGET,
      actor: f.admin,
      paths: f.tagIds.map((id) => counts(`tag=${id}`)),
    },
  ];
}

function searchMeasures(f: BenchFixtures): QueryMeasure[] {
  const search = (terms: string[]) =>
    terms.map((term) => `/api/v1/conversations?tab=all&q=${encodeURIComponent(term)}`);
  return [
    {
      name: 'search · name without accents',
      target: SEARCH_TARGET,
      actor: f.admin,
      paths: search(f.search.names),
    },
    {
      name: 'search · phone with spaces / +',
      target: SEARCH_TARGET,
      actor: f.admin,
      paths: search(f.search.phones),
    },
    {
      name: 'search · e-mail fragment',
      target: SEARCH_TARGET,
      actor: f.admin,
      paths: search(f.search.emailFragments),
    },
    {
      name: 'counts · search by name',
      target: LIST_TARGET,
      actor: f.admin,
      paths: f.search.names.map(
        (term) => `/api/v1/conversations/counts?tab=all&q=${encodeURIComponent(term)}`,
      ),
    },
  ];
}

async function threadMeasures(baseUrl: string, f: BenchFixtures): Promise<QueryMeasure[]> {
  const older: string[] = [];
  for (const [index, conversationId] of f.longThreads.entries()) {
    // The longest thread is walked deepest: it is the one a deep scroll would page through.
    older.push(...(await olderPagePaths(baseUrl, f.admin, conversationId, index === 0 ? PAGES_DEEP * 2 : 3)));
  }
  return [
    {
      name: 'thread · newest page of 50',
      target: THREAD_TARGET,
      actor: f.admin,
      paths: [...f.longThreads, ...f.threads].map((id) => `/api/v1/conversations/${id}/messages`),
    },
    { name: 'thread · older page of 50', target: THREAD_TARGET, actor: f.admin, paths: older },
  ];
}

/** Every measure, ready to time: cursors and anchors already collected from `baseUrl`. */
export async function prepareQueryMeasures(
  baseUrl: string,
  fixtures: BenchFixtures,
): Promise<QueryMeasure[]> {
  return [
    // What every request pays before any inbox query: Fastify, API-key authentication, JSON.
    {
      name: 'floor · GET /me (auth only, for reference)',
      target: null,
      actor: fixtures.admin,
      paths: ['/api/v1/me'],
    },
    ...(await listMeasures(baseUrl, fixtures)),
    ...countMeasures(fixtures),
    ...searchMeasures(fixtures),
    ...(await threadMeasures(baseUrl, fixtures)),
  ];
}
