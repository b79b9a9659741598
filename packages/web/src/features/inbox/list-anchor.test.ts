import { describe, expect, it } from 'vitest';
import { stepFrom } from './conversation-navigation.ts';
import { anchorAt, arrivalsAbove, scrollTopFor } from './list-anchor.ts';

const ROW = 90;

describe('keeping the list still under the agent', () => {
  it('has no anchor at the top, so new rows show as they arrive', () => {
    expect(anchorAt(['a', 'b'], 0, ROW)).toBeNull();
  });

  it('keeps the row at the top of the view in place when rows arrive above it', () => {
    const anchor = anchorAt(['a', 'b', 'c', 'd'], 2 * ROW + 30, ROW);
    expect(anchor).toEqual({ id: 'c', offset: 30 });
    if (!anchor) return;
    expect(scrollTopFor(['x', 'y', 'a', 'b', 'c', 'd'], anchor, ROW)).toBe(4 * ROW + 30);
    expect(scrollTopFor(['a', 'c', 'd'], anchor, ROW)).toBe(ROW + 30);
    expect(scrollTopFor(['a', 'b', 'd'], anchor, ROW)).toBeNull();
  });

  it('counts conversations that moved above the view, not ones that were already there', () => {
    expect(arrivalsAbove(['a', 'b', 'c', 'd'], ['d', 'x', 'a', 'b', 'c'], 'c')).toEqual(['d', 'x']);
    expect(arrivalsAbove(['a', 'b', 'c'], ['b', 'a', 'c'], 'c')).toEqual([]);
  });
});

describe('moving through the list with the keyboard', () => {
  const ids = ['a', 'b', 'c'];

  it('moves down and up one row and stops at either end', () => {
    expect(stepFrom(ids, 'a', 1)).toBe('b');
    expect(stepFrom(ids, 'b', -1)).toBe('a');
    expect(stepFrom(ids, 'c', 1)).toBeNull();
    expect(stepFrom(ids, 'a', -1)).toBeNull();
  });

  it('starts at the first row going down and the last going up when none is chosen', () => {
    expect(stepFrom(ids, null, 1)).toBe('a');
    expect(stepFrom(ids, 'gone', -1)).toBe('c');
    expect(stepFrom([], null, 1)).toBeNull();
  });
});
