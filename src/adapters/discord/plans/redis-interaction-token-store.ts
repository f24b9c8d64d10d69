import Redis from 'ioredis';
import { INTERACTION_TOKEN_TTL_MS, type InteractionTokenStore } from './interaction-token-store';

/** Options of the Redis token store. */
export interface RedisInteractionTokenStoreOptions {
  /** A Redis URL (the store opens and closes its own connection) or a connection to share. */
  redis: string | Redis;
  /** Key prefix; a hash tag keeps the keys on one Redis Cluster slot. */
  prefix?: string;
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
        ? new Redis(options.redis, {
            maxRetriesPerRequest: 1,
            commandTimeout: 2000,
            // A connection that never opened closes at once (ioredis would otherwise wait 2 s).
            disconnectTimeout: 200,
          })
        : options.redis;
    if (this.owned) this.redis.on('error', () => {});
    this.prefix = options.prefix ?? '{backend-mentor}:discord:interaction-token:';
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
    if (!this.owned) return;
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
