import { describe, expect, it } from 'vitest';
import { zonedTimeToEpoch } from './zoned-time.ts';

describe('zonedTimeToEpoch', () => {
  it('reads a wall-clock time in the zone', () => {
    // Mexico City has no daylight saving since 2022: always UTC−6.
    expect(zonedTimeToEpoch('2026-03-31T09:30', 'America/Mexico_City')).toBe(Date.UTC(2026, 2, 31, 15, 30));
    expect(zonedTimeToEpoch('2026-07-01T09:00', 'Europe/Madrid')).toBe(Date.UTC(2026, 6, 1, 7, 0));
    expect(zonedTimeToEpoch('2026-01-15T09:00:30', 'Europe/Madrid')).toBe(Date.UTC(2026, 0, 15, 8, 0, 30));
    expect(zonedTimeToEpoch('2026-01-15T09:00', 'UTC')).toBe(Date.UTC(2026, 0, 15, 9, 0));
  });

  it('takes the first of an hour that happens twice, and moves a skipped time past the jump', () => {
    // New York, 2026-11-01: 01:30 happens at UTC−4 and again at UTC−5.
    expect(zonedTimeToEpoch('2026-11-01T01:30', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // 2026-03-08 02:30 does not exist (02:00 → 03:00): read with the −5 offset from before.
    expect(zonedTimeToEpoch('2026-03-08T02:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('refuses dates that do not exist', () => {
    expect(zonedTimeToEpoch('2026-02-30T09:00', 'UTC')).toBeNull();
    expect(zonedTimeToEpoch('2026-01-01T24:00', 'UTC')).toBeNull();
    expect(zonedTimeToEpoch('tomorrow', 'UTC')).toBeNull();
  });
});
