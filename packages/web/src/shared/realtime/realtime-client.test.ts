import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './realtime-client.ts';

describe('reconnecting after a drop', () => {
  it('waits longer after each failed attempt, up to 30 seconds', () => {
    const highest = () => 1;
    const waits = [0, 1, 2, 3, 10, 20].map((attempt) => reconnectDelay(attempt, highest));
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 30_000, 30_000]);
  });

  it('spreads reconnects of many tabs over the upper half of each wait', () => {
    expect(reconnectDelay(2, () => 0)).toBe(1_000);
    expect(reconnectDelay(2, () => 0.5)).toBe(1_500);
  });
});
