import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('blocks a key after its allowance of failures and frees it a minute later', () => {
    const throttle = new LoginThrottle(3);
    for (const at of [0, 10, 20]) throttle.recordFailure('1.2.3.4|ana@x.co', at);
    expect(throttle.isBlocked('1.2.3.4|ana@x.co', 30)).toBe(true);
    expect(throttle.isBlocked('1.2.3.4|otro@x.co', 30)).toBe(false);
    expect(throttle.isBlocked('1.2.3.4|ana@x.co', 60_001)).toBe(false);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new LoginThrottle(2);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', 1);
    throttle.reset('k');
    expect(throttle.isBlocked('k', 2)).toBe(false);
  });
});
