/**
 * The Discord adapter's entry points for the composition root (`src/main.ts`) and the plan worker
 * (`src/worker.ts`): everything is built from the validated configuration passed in.
 */
import type Redis from 'ioredis';
import type { Config } from '../../config/config';
import type { ConversationCore } from '../../core/conversation/conversation-core';
import type { Logger } from '../../core/logger';
import { DiscordAdapter } from './discord-adapter';
import { DiscordPlanDeliverer } from './plans/discord-deliverer';
import { type InteractionTokenStore, MemoryInteractionTokenStore } from './plans/interaction-token-store';
import { RedisInteractionTokenStore } from './plans/redis-interaction-token-store';

export { DiscordAdapter } from './discord-adapter';
export { DiscordPlanDeliverer } from './plans/discord-deliverer';

type DiscordConfig = NonNullable<Config['discord']>;

/**
 * Where interaction tokens live: Redis when configured (so a separate worker process can edit the
 * original response), otherwise this process's memory (an in-process worker shares it). A Redis URL
 * opens a connection of the store's own; a client is shared (and left open on close).
 */
export function createInteractionTokenStore(
  redis?: string | Redis,
  keyPrefix?: string,
  logger?: Logger,
): InteractionTokenStore {
  return redis
    ? new RedisInteractionTokenStore({ redis, keyPrefix, logger })
    : new MemoryInteractionTokenStore();
}

/** What the bot process needs to run Discord. */
export interface DiscordBuildOptions {
  config: DiscordConfig;
  /** The process's Redis client (shared stores), when REDIS_URL is set. */
  redis?: Redis;
  /** Prefix of the keys written to `redis` (`REDIS_KEY_PREFIX`). */
  keyPrefix?: string;
  core: ConversationCore;
  logger: Logger;
}

/** What the bot process needs to run Discord, before the conversation core exists. */
export type DiscordPartsOptions = Omit<DiscordBuildOptions, 'core'>;

/**
 * The Discord deliverer (at once, so it is registered before the plan worker starts) and a factory
 * for the adapter (once the core exists); both share one interaction-token store.
 */
export function buildDiscordParts(options: DiscordPartsOptions): {
  deliverer: DiscordPlanDeliverer;
  createAdapter: (core: ConversationCore) => DiscordAdapter;
} {
  const { config, logger } = options;
  const tokens = createInteractionTokenStore(options.redis, options.keyPrefix);
  const deliverer = new DiscordPlanDeliverer({ token: config.token, apiUrl: config.apiUrl, tokens, logger });
  const createAdapter = (core: ConversationCore) =>
    new DiscordAdapter({
      token: config.token,
      appId: config.appId,
      apiUrl: config.apiUrl,
      core,
      logger,
      tokens,
    });
  return { deliverer, createAdapter };
}

/** The Discord adapter and its deliverer, sharing one token store (tests and benchmarks). */
export function buildDiscord(options: DiscordBuildOptions): {
  adapter: DiscordAdapter;
  deliverer: DiscordPlanDeliverer;
} {
  const parts = buildDiscordParts(options);
  return { adapter: parts.createAdapter(options.core), deliverer: parts.deliverer };
}

/** The deliverer for a stand-alone worker process (`npm run worker`): REST only, tokens from Redis. */
export function createDiscordDeliverer(
  config: DiscordConfig,
  redisUrl: string | undefined,
  logger: Logger,
  keyPrefix?: string,
) {
  return new DiscordPlanDeliverer({
    token: config.token,
    apiUrl: config.apiUrl,
    tokens: createInteractionTokenStore(redisUrl, keyPrefix, logger),
    logger,
    closeTokens: true,
  });
}
