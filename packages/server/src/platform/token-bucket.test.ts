import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('lets a second’s worth through at once, then paces the rest to the rate', async () => {
    let clock = 0;
    let waited = 0;
    const bucket = new TokenBucket(
      50,
      () => clock,
      async (ms) => {
        waited += ms;
        clock += ms;
      },
    );
    await Promise.all(Array.from({ length: 50 }, () => bucket.take()));
    expect(waited).toBe(0);
    await Promise.all(Array.from({ length: 25 }, () => bucket.take()));
    // 25 more at 50 per second: half a second of waiting, in 20 ms steps.
    expect(waited).toBe(500);
  });
});
