/**
 * ioredis connections for the whole bot (plan queue, stores, rate limits), with the options each use
 * needs. Reusable by anything that talks to Redis: pass the role, get a client.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';

/**
 * - `producer`: request-path commands (queue a plan, read a rate limit). Fails fast when Redis is down
 *   (`enableOfflineQueue: false`, one retry) so a platform can still answer inside its 3-second window.
 * - `blocking`: BullMQ workers and QueueEvents, and background stores that should wait out a Redis
 *   restart (`maxRetriesPerRequest: null`, offline queue on).
 */
export type RedisRole = 'producer' | 'blocking';

/** Options of one connection. */
export interface RedisConnectionOptions {
  /** Shown in `CLIENT LIST` (`backend-mentor:<name>`). */
  name: string;
  logger?: Logger;
  /** Extra ioredis options (tests). Never `keyPrefix`: BullMQ refuses it; use its `prefix`. */
  overrides?: RedisOptions;
}

const reconnectDelay = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000);

/**
 * Creates an ioredis client for `url` configured for `role`. Connection errors are logged once per
 * outage (not once per reconnect attempt) and never thrown as unhandled `error` events.
 *
 * @example
 * const producer = createRedisConnection(config.redisUrl, 'producer', { name: 'plans-producer', logger });
 */
export function createRedisConnection(url: string, role: RedisRole, options: RedisConnectionOptions): Redis {
  const roleOptions: RedisOptions =
    role === 'producer'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true, connectTimeout: 5000 };
  const client = new Redis(url, {
    connectionName: `backend-mentor:${options.name}`,
    retryStrategy: reconnectDelay,
    ...roleOptions,
    ...options.overrides,
  });
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    options.logger?.warn(
      { connection: options.name, error: describeError(error) },
      'redis connection failed; retrying',
    );
  });
  client.on('ready', () => {
    if (down) options.logger?.info({ connection: options.name }, 'redis connection restored');
    down = false;
  });
  return client;
}

/** Closes a client: QUIT when connected, else disconnect at once. Never throws. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
