/** The conversation core's public API: what adapters and follow-up features build on. */
export type {
  AboutUser,
  ContextKey,
  ContextStore,
  ConversationContext,
  MemoryContextStoreOptions,
} from './context-store';
export { CONTEXT_TTL_MS, emptyContext, MemoryContextStore } from './context-store';
export type { ConversationCoreOptions, ShareRef } from './conversation-core';
export { ConversationCore, keyOf } from './conversation-core';
export type { CoreReply, IncomingMessage, MessageKind, Suggestion, Where } from './message';
export { pagingText, readTopicsArgs } from './paging';
export type { ContextRedis, RedisContextStoreOptions } from './redis-context-store';
export { RedisContextStore } from './redis-context-store';
export { strings } from './strings';
