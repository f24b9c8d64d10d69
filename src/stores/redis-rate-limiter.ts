import type Redis from 'ioredis';
import type { RateLimiter } from '../core/rate-limiter';

/**
 * A fixed-window rate limiter in Redis, so every bot process counts a user's questions together.
 * One INCR per question; the window key expires by itself.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly prefix = 'backend-mentor',
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<boolean> {
    const window = Math.floor(this.now() / this.windowMs);
    const redisKey = `${this.prefix}:rate:${key}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, this.windowMs).exec()) as [
      [Error | null, number],
      [Error | null, number],
    ];
    return count <= this.limit;
  }
}
