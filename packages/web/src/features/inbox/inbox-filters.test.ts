import { describe, expect, it } from 'vitest';
import {
  changeFilters,
  DEFAULT_FILTERS,
  filtersFromSearch,
  searchFromFilters,
  toListQuery,
  withoutUnknownField,
} from './inbox-filters.ts';

describe('inbox filters in the address', () => {
  it('reads the defaults from an empty address and writes nothing for them', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(searchFromFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter through the address', () => {
    const filters = {
      view: 'all' as const,
      tab: 'all' as const,
      query: 'María',
      channel: 'channel-1',
      status: 'pending' as const,
      agent: 'member-2',
      tags: ['tag-1', 'tag-2'],
      read: 'unread' as const,
      sort: 'oldest' as const,
      field: { id: 'field-7', value: 'Talla M' },
    };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('ignores values it does not know instead of failing', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('view=everyone&tab=x&status=lost&read=maybe&sort=up'),
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('keeps a custom field filter as field.<id>=<value>, and drops one without a value', () => {
    const filters = { ...DEFAULT_FILTERS, field: { id: 'field-7', value: 'sí' } };
    expect(searchFromFilters(filters).toString()).toBe('field.field-7=s%C3%AD');
    expect(filtersFromSearch(new URLSearchParams('field.field-7=s%C3%AD')).field).toEqual(filters.field);
    expect(filtersFromSearch(new URLSearchParams('field.field-7=++&field.=x')).field).toBeNull();
  });

  it('drops a status that is not in the tab shown', () => {
    expect(filtersFromSearch(new URLSearchParams('status=resolved')).status).toBeNull();
    expect(changeFilters({ ...DEFAULT_FILTERS, status: 'open' }, { tab: 'resolved' }).status).toBeNull();
    expect(changeFilters({ ...DEFAULT_FILTERS, status: 'open' }, { tab: 'all' }).status).toBe('open');
  });

  it('shows a chosen agent under All, and Mine or Unassigned drop the agent', () => {
    const withAgent = changeFilters({ ...DEFAULT_FILTERS, view: 'mine' }, { agent: 'member-2' });
    expect(withAgent).toMatchObject({ view: 'all', agent: 'member-2' });
    expect(changeFilters(withAgent, { view: 'unassigned' }).agent).toBeNull();
  });
});

describe('the list request', () => {
  it('asks for the tab and sort, and the owner each view means', () => {
    expect(toListQuery(DEFAULT_FILTERS)).toEqual({ tab: 'to_resolve', sort: 'recent' });
    expect(toListQuery({ ...DEFAULT_FILTERS, view: 'mine' }).assignee).toBe('me');
    expect(toListQuery({ ...DEFAULT_FILTERS, view: 'unassigned' }).assignee).toBe('unassigned');
    expect(toListQuery({ ...DEFAULT_FILTERS, agent: 'member-2' }).assignee).toBe('member-2');
  });

  it('sends every chip as the API names it, and a trimmed search', () => {
    const query = toListQuery({
      ...DEFAULT_FILTERS,
      query: '  +52 55  ',
      channel: 'channel-1',
      status: 'new',
      tags: ['t1', 't2'],
      read: 'read',
      field: { id: 'field-7', value: ' VIP ' },
    });
    expect(query).toEqual({
      tab: 'to_resolve',
      sort: 'recent',
      q: '+52 55',
      channel: 'channel-1',
      status: 'new',
      tag: 't1,t2',
      unread: 'false',
      'field.field-7': 'VIP',
    });
  });
});

describe('a custom-field filter from a link', () => {
  const linked = filtersFromSearch(new URLSearchParams('field.field-7=VIP&tab=all'));

  it('is dropped once the workspace is known not to have that field, keeping the other filters', () => {
    expect(withoutUnknownField(linked, [{ id: 'field-1' }])).toEqual({ ...linked, field: null });
    expect(withoutUnknownField(linked, [{ id: 'field-1' }]).tab).toBe('all');
  });

  it('is kept while the fields are loading and when the field exists', () => {
    expect(withoutUnknownField(linked, undefined)).toBe(linked);
    expect(withoutUnknownField(linked, [{ id: 'field-7' }])).toBe(linked);
  });
});
