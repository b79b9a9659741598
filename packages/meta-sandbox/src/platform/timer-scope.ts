/**
 * Timers owned by one sandbox. `close()` cancels them all so a stopped sandbox leaves no
 * pending callbacks behind (and vitest exits promptly).
 */
export class TimerScope {
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  /** Resolves after `ms` milliseconds, or at once (resolving) when the scope closes first. */
  wait(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.schedule(resolve, ms, resolve));
  }

  /** Runs `fn` after `ms` milliseconds unless the scope closes first. */
  later(fn: () => void, ms: number): void {
    if (this.closed) return;
    this.schedule(fn, Math.max(0, ms), () => {});
  }

  /** Whether `close()` has been called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Cancels every pending timer; waits resolve immediately. */
  close(): void {
    this.closed = true;
    for (const [timer, onCancel] of this.timers) {
      clearTimeout(timer);
      onCancel();
    }
    this.timers.clear();
  }

  private schedule(fn: () => void, ms: number, onCancel: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.set(timer, onCancel);
  }
}
