import { z } from 'zod';
import {
  CONTEXT_TTL_MS,
  type ContextKey,
  type ContextStore,
  type ConversationContext,
  changedContext,
  contextKeyString,
} from './context-store';

/** The few Redis commands the store uses (an ioredis client fits). */
export interface ContextRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>;
  del(key: string): Promise<number>;
}

const contextSchema = z.object({
  lastQuestion: z.string().optional(),
  lastAnswerUnitIds: z.array(z.string()),
  lastAnswerTitles: z.array(z.string()),
  about: z.object({
    knows: z.array(z.string()),
    level: z.string().optional(),
    role: z.string().optional(),
    hoursPerWeek: z.number().optional(),
    notes: z.array(z.string()).optional(),
  }),
  lastMore: z.string().optional(),
  lastMoreSource: z
    .object({ id: z.string(), key: z.string(), title: z.string(), path: z.array(z.string()) })
    .optional(),
  lastRelatedKeys: z.array(z.string()).optional(),
  lastTopics: z.object({ filter: z.string().optional(), page: z.number(), pages: z.number() }).optional(),
  updatedAt: z.number(),
});

/** Options of the Redis store. */
export interface RedisContextStoreOptions {
  /** Key prefix, e.g. `backend-mentor:context:`. */
  prefix: string;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Contexts in Redis as plain JSON with a TTL (`SET ... PX`), shared by every bot process. A stored
 * value that does not read as a context is treated as none. Last write wins: a conversation's
 * messages are answered one at a time, so updates of one key do not race in practice.
 */
export class RedisContextStore implements ContextStore {
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: ContextRedis,
    private readonly options: RedisContextStoreOptions,
  ) {
    this.ttlMs = options.ttlMs ?? CONTEXT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  private key(key: ContextKey): string {
    return `${this.options.prefix}${contextKeyString(key)}`;
  }

  async get(key: ContextKey): Promise<ConversationContext | undefined> {
    const raw = await this.redis.get(this.key(key));
    if (raw === null) return undefined;
    try {
      const parsed = contextSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async update(
    key: ContextKey,
    change: (context: ConversationContext) => ConversationContext,
  ): Promise<ConversationContext> {
    const next = changedContext(await this.get(key), change, this.now());
    await this.redis.set(this.key(key), JSON.stringify(next), 'PX', this.ttlMs);
    return next;
  }

  async clear(key: ContextKey): Promise<void> {
    await this.redis.del(this.key(key));
  }
}
