import Redis from 'ioredis';
import type { Config } from '../config/config';
import { type InsightsStore, MemoryInsightsStore } from '../core/insights';
import type { Logger } from '../core/logger';
import { MemoryRateLimiter, type RateLimiter } from '../core/rate-limiter';
import { RedisInsightsStore } from '../stores/redis-insights-store';
import { RedisRateLimiter } from '../stores/redis-rate-limiter';

/** Shared state of the bot: in Redis when configured (every process sees it), in memory otherwise. */
export interface Stores {
  insights: InsightsStore;
  limiter: RateLimiter;
  /** The Redis client behind the stores, when there is one (readiness checks, shutdown). */
  redis?: Redis;
  close(): Promise<void>;
}

const QUESTION_WINDOW_MS = 60_000;

/**
 * Builds the stores. The Redis client fails fast while Redis is down (no offline queue, short
 * timeouts), so a question is still answered: the rate limit then lets it through and the answer is
 * simply not recorded.
 */
export function buildStores(config: Pick<Config, 'redisUrl' | 'questionRateLimit'>, logger: Logger): Stores {
  if (!config.redisUrl) {
    return {
      insights: new MemoryInsightsStore(),
      limiter: new MemoryRateLimiter(config.questionRateLimit, QUESTION_WINDOW_MS),
      close: async () => {},
    };
  }
  const redis = new Redis(config.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let down = false;
  redis.on('error', (error) => {
    if (!down)
      logger.warn({ error: error.message }, 'Redis is unreachable; answers go on without shared state');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({}, 'Redis is back');
    down = false;
  });
  return {
    insights: new RedisInsightsStore(redis),
    limiter: new RedisRateLimiter(redis, config.questionRateLimit, QUESTION_WINDOW_MS),
    redis,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Resolves when the client is ready, or rejects with a clear error after `timeoutMs`. */
export async function waitForRedis(redis: Redis, timeoutMs = 3000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
