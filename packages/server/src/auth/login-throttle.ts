/**
 * Counts failed sign-ins per client address and e-mail over a sliding minute. In memory, per
 * process: enough to stop password guessing against one node; a multi-node deployment divides
 * the allowance by its node count at worst.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  /** True when this key has used up its failed attempts for now. */
  isBlocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.maxPerMinute;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 50_000) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.failures.delete(key);
    }
  }
}
