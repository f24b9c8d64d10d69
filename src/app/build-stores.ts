import type { Redis } from 'ioredis';
import type { Config } from '../config/config';
import { type InsightsStore, MemoryInsightsStore } from '../core/insights';
import type { Logger } from '../core/logger';
import { FallbackRateLimiter, MemoryRateLimiter, type RateLimiter } from '../core/rate-limiter';
import type { ReadinessCheck } from '../ops/ops-server';
import { closeRedis, createRedisConnection } from '../queue/redis-connection';
import { watchRedisServer } from '../stores/redis-health';
import { RedisInsightsStore } from '../stores/redis-insights-store';
import { RedisRateLimiter } from '../stores/redis-rate-limiter';

/** Shared state of the bot: in Redis when configured (every process sees it), in memory otherwise. */
export interface Stores {
  insights: InsightsStore;
  limiter: RateLimiter;
  /** The Redis client behind the stores, when there is one (dedupe, Discord tokens, shutdown). */
  redis?: Redis;
  /** Prefix of every key the stores and the adapters' Redis helpers write (`REDIS_KEY_PREFIX`). */
  keyPrefix: string;
  /** Readiness of the shared Redis: connected, and an eviction policy that loses nothing. */
  checks: ReadinessCheck[];
  close(): Promise<void>;
}

const QUESTION_WINDOW_MS = 60_000;

/**
 * Builds the stores. The Redis client comes from the one connection factory and fails fast while
 * Redis is down (no offline queue, short timeouts), so a question is still answered: the rate limit
 * then falls back to a per-process limiter and the answer is simply not recorded.
 */
export function buildStores(
  config: Pick<Config, 'redisUrl' | 'questionRateLimit' | 'keyPrefix'>,
  logger: Logger,
): Stores {
  const memoryLimiter = new MemoryRateLimiter(config.questionRateLimit, QUESTION_WINDOW_MS);
  if (!config.redisUrl) {
    return {
      insights: new MemoryInsightsStore(),
      limiter: memoryLimiter,
      keyPrefix: config.keyPrefix,
      checks: [],
      close: async () => {},
    };
  }
  const redis = createRedisConnection(config.redisUrl, 'producer', {
    name: 'stores',
    logger,
    overrides: { commandTimeout: 1000 },
  });
  const health = watchRedisServer(redis, logger, 'stores');
  return {
    insights: new RedisInsightsStore(redis, config.keyPrefix),
    limiter: new FallbackRateLimiter(
      new RedisRateLimiter(redis, config.questionRateLimit, QUESTION_WINDOW_MS, config.keyPrefix),
      memoryLimiter,
      logger,
    ),
    redis,
    keyPrefix: config.keyPrefix,
    checks: health.checks,
    close: () => closeRedis(redis),
  };
}

/**
 * For a process without stores (the plan worker): one small connection whose only job is to report
 * the Redis server's readiness (`redis`, `redis-eviction-policy`) at start and in `/readyz`.
 */
export function buildRedisHealth(
  redisUrl: string,
  logger: Logger,
): { checks: ReadinessCheck[]; close(): Promise<void> } {
  const redis = createRedisConnection(redisUrl, 'producer', { name: 'health', logger });
  return { checks: watchRedisServer(redis, logger, 'health').checks, close: () => closeRedis(redis) };
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
