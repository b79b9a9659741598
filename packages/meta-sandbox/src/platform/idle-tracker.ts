/**
 * Counts work still in flight (webhook deliveries, status chains, simulator sends) so tests
 * and the admin API can await "nothing left to do" instead of sleeping.
 */
export class IdleTracker {
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Registers a promise as in-flight work and returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    const done = (): void => {
      this.pending--;
      if (this.pending === 0) this.flush();
    };
    work.then(done, done);
    return work;
  }

  /** How many tracked promises have not settled yet. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every tracked promise has settled (at once when none is pending). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private flush(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
