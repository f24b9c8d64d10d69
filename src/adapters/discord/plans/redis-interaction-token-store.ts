import type { Redis } from 'ioredis';
import type { Logger } from '../../../core/logger';
import { closeRedis, createRedisConnection } from '../../../queue/redis-connection';
import { INTERACTION_TOKEN_TTL_MS, type InteractionTokenStore } from './interaction-token-store';

/** Options of the Redis token store. */
export interface RedisInteractionTokenStoreOptions {
  /** A Redis URL (the store opens and closes its own connection) or a connection to share. */
  redis: string | Redis;
  /** The configuration's key prefix (`REDIS_KEY_PREFIX`); keys are `<prefix>:discord:interaction-token:<id>`. */
  keyPrefix?: string;
  /** Logs an owned connection's outages (once each). */
  logger?: Logger;
}

/**
 * Interaction tokens in Redis with a TTL, shared by the bot and separate worker processes. A command
 * fails after 2 seconds when Redis is unreachable: the plan is then delivered by DM instead.
 */
export class RedisInteractionTokenStore implements InteractionTokenStore {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;

  constructor(options: RedisInteractionTokenStoreOptions) {
    this.owned = typeof options.redis === 'string';
    this.redis =
      typeof options.redis === 'string'
        ? createRedisConnection(options.redis, 'producer', {
            name: 'discord-tokens',
            logger: options.logger,
            // Queue commands until the first connect (a plan may be delivered right after start).
            overrides: { enableOfflineQueue: true, commandTimeout: 2000 },
          })
        : options.redis;
    this.prefix = `${options.keyPrefix ?? 'backend-mentor'}:discord:interaction-token:`;
  }

  async put(interactionId: string, token: string, ttlMs = INTERACTION_TOKEN_TTL_MS): Promise<void> {
    await this.redis.set(this.prefix + interactionId, token, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async get(interactionId: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + interactionId)) ?? undefined;
  }

  async delete(interactionId: string): Promise<void> {
    await this.redis.del(this.prefix + interactionId);
  }

  async close(): Promise<void> {
    if (this.owned) await closeRedis(this.redis);
  }
}
