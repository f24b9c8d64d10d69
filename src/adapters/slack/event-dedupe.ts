import type Redis from 'ioredis';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';

/**
 * Remembers what was already handled, so a retried delivery (`X-Slack-Retry-Num`) or the same
 * message arriving as both `app_mention` and `message` is answered once.
 */
export interface Deduper {
  /** True the first time a key is claimed (within the window), false after. */
  claim(key: string): Promise<boolean>;
}

/** A {@link Deduper} in process memory: keys expire after `ttlMs`, at most `maxKeys` are kept. */
export class MemoryDeduper implements Deduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string): Promise<boolean> {
    return this.claimSync(key);
  }

  /** The same as {@link claim}, synchronously. */
  claimSync(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, t);
    if (this.seen.size > this.maxKeys) {
      for (const [k, when] of this.seen) {
        if (this.seen.size <= this.maxKeys && t - when < this.ttlMs) break;
        this.seen.delete(k);
      }
    }
    return true;
  }
}

/**
 * A {@link Deduper} in Redis (`SET key 1 NX EX ttl`), so several HTTP-mode processes behind a load
 * balancer agree on what was handled. When Redis cannot answer, it falls back to memory (answering
 * twice is better than not answering) and logs it.
 */
export class RedisDeduper implements Deduper {
  private readonly fallback: MemoryDeduper;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'backend-mentor:slack:seen:',
    private readonly ttlSeconds = 3600,
  ) {
    this.fallback = new MemoryDeduper(ttlSeconds * 1000);
  }

  async claim(key: string): Promise<boolean> {
    try {
      const set = await this.redis.set(`${this.prefix}${key}`, '1', 'EX', this.ttlSeconds, 'NX');
      this.fallback.claimSync(key);
      return set === 'OK';
    } catch (error) {
      this.logger.warn({ error: describeError(error) }, 'slack dedupe: Redis unavailable, using memory');
      return this.fallback.claimSync(key);
    }
  }
}
