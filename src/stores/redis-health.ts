import type { Redis } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ReadinessCheck } from '../ops/ops-server';

/** The only eviction policy under which Redis never drops a queued plan or a stored key on its own. */
export const SAFE_EVICTION_POLICY = 'noeviction';

/** Reads `maxmemory_policy` from `INFO memory` (works where `CONFIG GET` is disabled, as on managed Redis). */
export async function evictionPolicy(redis: Redis): Promise<string | undefined> {
  const info = await redis.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

/** What {@link watchRedisServer} reports. */
export interface RedisHealth {
  /** `redis` (connected) and `redis-eviction-policy` (the server keeps everything it is given). */
  checks: ReadinessCheck[];
}

/**
 * Watches the server behind `redis`: each time the connection becomes ready it reads the eviction
 * policy, and a policy other than `noeviction` (plans and rate limits would be evicted silently) is
 * logged as an error naming the policy (once per connection and policy). `/readyz` re-reads it and
 * answers 503 naming `redis-eviction-policy`.
 */
export function watchRedisServer(redis: Redis, logger: Logger, name = 'stores'): RedisHealth {
  let policy: string | undefined;
  let reported: string | undefined;
  const inspect = async (): Promise<string | undefined> => {
    try {
      policy = await evictionPolicy(redis);
    } catch (error) {
      logger.debug({ connection: name, error: describeError(error) }, 'redis eviction policy unreadable');
      return policy;
    }
    if (policy !== undefined && policy !== SAFE_EVICTION_POLICY && policy !== reported) {
      logger.error(
        {
          connection: name,
          check: 'redis-eviction-policy',
          maxmemoryPolicy: policy,
          expected: SAFE_EVICTION_POLICY,
        },
        `Redis would evict data: maxmemory-policy is ${policy}, it must be ${SAFE_EVICTION_POLICY}`,
      );
    }
    reported = policy;
    return policy;
  };
  redis.on('ready', () => {
    reported = undefined;
    void inspect();
  });
  if (redis.status === 'ready') void inspect();
  return {
    checks: [
      { name: 'redis', check: () => redis.status === 'ready' },
      {
        name: 'redis-eviction-policy',
        check: async () => (redis.status === 'ready' ? await inspect() : policy) === SAFE_EVICTION_POLICY,
      },
    ],
  };
}
