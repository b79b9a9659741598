import { describe, expect, it } from 'vitest';
import { formatInZone, localInputValue } from './reminder-time.ts';

describe('reminder times in the workspace zone', () => {
  const instant = Date.UTC(2026, 2, 31, 15, 30);

  it('gives the zone’s wall-clock time for the date-time input', () => {
    expect(localInputValue(instant, 'America/Mexico_City')).toBe('2026-03-31T09:30');
    expect(localInputValue(instant, 'Asia/Tokyo')).toBe('2026-04-01T00:30');
    expect(localInputValue(instant, 'UTC')).toBe('2026-03-31T15:30');
  });

  it('shows the time of the zone, not of the browser', () => {
    expect(formatInZone(instant, 'America/Mexico_City', 'en')).toMatch(/9:30/);
    expect(formatInZone(instant, 'Asia/Tokyo', 'es')).toMatch(/0:30/);
  });
});
