import { describe, expect, it } from 'vitest';
import { EventCursor } from './event-cursor.ts';

function applied(cursor: EventCursor, ids: number[]): number[] {
  return ids.filter((id) => cursor.accept({ id }));
}

describe('EventCursor', () => {
  it('applies a fresh stream in the order it arrives, gaps included', () => {
    const cursor = new EventCursor();
    expect(applied(cursor, [3, 4, 9, 12])).toEqual([3, 4, 9, 12]);
    expect(cursor.lastId).toBe(12);
  });

  it('drops events it already applied when a catch-up overlaps the live stream', () => {
    const cursor = new EventCursor();
    applied(cursor, [1, 2, 3]);
    expect(applied(cursor, [2, 3, 4, 5])).toEqual([4, 5]);
  });

  it('never applies an older event after a newer one', () => {
    const cursor = new EventCursor();
    expect(applied(cursor, [5, 4, 6, 5, 7])).toEqual([5, 6, 7]);
  });

  it('starts after the log end announced by hello, so earlier events are not replayed', () => {
    const cursor = new EventCursor();
    cursor.advanceTo(40);
    expect(applied(cursor, [38, 40, 41])).toEqual([41]);
  });

  it('skips past ids an events page says were scanned but never moves back', () => {
    const cursor = new EventCursor();
    applied(cursor, [10]);
    cursor.advanceTo(25);
    cursor.advanceTo(12);
    expect(cursor.lastId).toBe(25);
    expect(applied(cursor, [20, 26])).toEqual([26]);
  });
});
