import type { Redis } from 'ioredis';
import type { RateLimiter } from '../core/rate-limiter';

/**
 * Sliding window log in one sorted set per user: drop the uses older than the window, count the rest,
 * add this one when under the limit. One round trip, atomic (a Lua script).
 */
const SLIDING_WINDOW = `
local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then return 0 end
redis.call('ZADD', key, now, ARGV[4])
redis.call('PEXPIRE', key, window)
return 1
`;

type ScriptedRedis = Redis & {
  takeSlidingWindow(key: string, now: number, window: number, limit: number, member: string): Promise<number>;
};

/**
 * A sliding-window rate limiter in Redis, so every bot process counts a user's questions together and
 * no burst fits across a minute boundary. The key expires after a quiet window.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: ScriptedRedis;
  private sequence = 0;

  constructor(
    redis: Redis,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly prefix = 'backend-mentor',
    private readonly now: () => number = Date.now,
  ) {
    if (!('takeSlidingWindow' in redis)) {
      redis.defineCommand('takeSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
    }
    this.redis = redis as ScriptedRedis;
  }

  async take(key: string): Promise<boolean> {
    const t = this.now();
    const member = `${t}:${process.pid}:${this.sequence++}:${Math.random().toString(36).slice(2, 8)}`;
    const allowed = await this.redis.takeSlidingWindow(
      `${this.prefix}:rate:${key}`,
      t,
      this.windowMs,
      this.limit,
      member,
    );
    return allowed === 1;
  }
}
