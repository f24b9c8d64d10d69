/** Decides whether a user may ask another question now. */
export interface RateLimiter {
  /** Counts one use for `key`; false when the limit for the current window is already reached. */
  take(key: string): Promise<boolean>;
}

/** A fixed-window limiter in process memory (one window per key). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<boolean> {
    const t = this.now();
    let window = this.windows.get(key);
    if (!window || t - window.start >= this.windowMs) {
      window = { start: t, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.prune(t);
    }
    window.count++;
    return window.count <= this.limit;
  }

  private prune(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key);
  }
}
