import { describeError } from './errors';
import type { Logger } from './logger';

/** Decides whether a user may ask another question now. */
export interface RateLimiter {
  /** Counts one use for `key`; false when `limit` uses were already allowed within the last window. */
  take(key: string): Promise<boolean>;
}

/**
 * A sliding-window limiter in process memory: it keeps the times of the uses it allowed in the last
 * `windowMs` (at most `limit` per key), so a burst at the end of one minute and another at the start of
 * the next cannot both get through. Keys idle for a whole window are pruned once there are many.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly uses = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  async take(key: string): Promise<boolean> {
    return this.takeSync(key);
  }

  /** The same as {@link take}, synchronously. */
  takeSync(key: string): boolean {
    const t = this.now();
    const times = (this.uses.get(key) ?? []).filter((at) => t - at < this.windowMs);
    const allowed = times.length < this.limit;
    if (allowed) times.push(t);
    this.uses.delete(key);
    this.uses.set(key, times);
    if (this.uses.size > this.maxKeys) this.prune(t);
    return allowed;
  }

  private prune(t: number): void {
    for (const [key, times] of this.uses) {
      if (this.uses.size <= this.maxKeys / 2) break;
      if (times.length === 0 || t - times[times.length - 1]! >= this.windowMs) this.uses.delete(key);
    }
    // Still too many active keys: drop the least recently used.
    for (const key of this.uses.keys()) {
      if (this.uses.size <= this.maxKeys) break;
      this.uses.delete(key);
    }
  }
}

/**
 * A limiter shared between processes (Redis) that falls back to a per-process {@link MemoryRateLimiter}
 * while the shared one cannot answer, so the limit still holds (per process) during an outage instead
 * of letting every question through. The switch is logged once per outage.
 */
export class FallbackRateLimiter implements RateLimiter {
  private failing = false;

  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: MemoryRateLimiter,
    private readonly logger: Logger,
  ) {}

  async take(key: string): Promise<boolean> {
    try {
      const allowed = await this.primary.take(key);
      if (this.failing) this.logger.info({}, 'rate limit: shared limiter is back');
      this.failing = false;
      // Keep the local view warm so a later outage starts from the recent uses.
      this.fallback.takeSync(key);
      return allowed;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(
          { error: describeError(error) },
          'rate limit: shared limiter unavailable; limiting per process until it is back',
        );
      }
      this.failing = true;
      return this.fallback.takeSync(key);
    }
  }
}
