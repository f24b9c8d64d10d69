import type Redis from 'ioredis';
import type { ContextStore } from '../core/conversation/context-store';
import { MemoryContextStore } from '../core/conversation/context-store';
import { RedisContextStore } from '../core/conversation/redis-context-store';

/** Key prefix of conversation contexts in Redis. */
export const CONTEXT_PREFIX = 'backend-mentor:context:';

/**
 * The conversation-context store of a process: in Redis (shared by every bot process) when the
 * stores have a client, else bounded in this process's memory. Both expire contexts after 30 minutes.
 */
export function buildContextStore(redis: Redis | undefined): ContextStore {
  return redis ? new RedisContextStore(redis, { prefix: CONTEXT_PREFIX }) : new MemoryContextStore();
}
