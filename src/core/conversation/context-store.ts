/**
 * What the core remembers about a conversation for a while: the last question, what answered it, and
 * what the user said about themselves. Follow-up questions ("and in Go?", "more") build on it.
 */

/** How long a conversation's context is kept after its last update. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

import type { AboutUser } from '../answers/about-user';

export type { AboutUser };

/** One conversation's context: plain JSON (it is stored as such in Redis). */
export interface ConversationContext {
  lastQuestion?: string;
  /** Knowledge units that answered the last question, best first. */
  lastAnswerUnitIds: string[];
  lastAnswerTitles: string[];
  about: AboutUser;
  /** The rest of the last answer ("more" shows it, a piece at a time). */
  lastMore?: string;
  /** The lead unit of the answer `lastMore` continues (a More button names its key). */
  lastMoreSource?: { id: string; key: string; title: string; path: string[] };
  /** The page of topics shown last ("next" / "more" shows the one after). */
  lastTopics?: { filter?: string; page: number; pages: number };
  /** Keys of the last answer's related topics ("more" shows the first when nothing is left). */
  lastRelatedKeys?: string[];
  /** Epoch milliseconds of the last update. */
  updatedAt: number;
}

/** Names one conversation of one user: `platform`, the place's id, and the user's id. */
export interface ContextKey {
  platform: string;
  conversationId: string;
  userId: string;
}

/** The empty context a new conversation starts with. */
export function emptyContext(now: number): ConversationContext {
  return { lastAnswerUnitIds: [], lastAnswerTitles: [], about: { knows: [] }, updatedAt: now };
}

/**
 * The context after `change`, stamped `now`: what every store's `update` writes. A missing (or expired)
 * context starts empty.
 */
export function changedContext(
  current: ConversationContext | undefined,
  change: (context: ConversationContext) => ConversationContext,
  now: number,
): ConversationContext {
  return { ...change(current ?? emptyContext(now)), updatedAt: now };
}

/** A context store key as one string (`platform:conversation:user`). */
export function contextKeyString(key: ContextKey): string {
  return `${key.platform}:${key.conversationId}:${key.userId}`;
}

/**
 * Where contexts live: Redis when REDIS_URL is set ({@link RedisContextStore}), else process memory
 * ({@link MemoryContextStore}). Every context expires {@link CONTEXT_TTL_MS} after its last update.
 */
export interface ContextStore {
  /** The context, or undefined when there is none or it expired. */
  get(key: ContextKey): Promise<ConversationContext | undefined>;
  /** Applies `change` to the current (or empty) context, stores it with a fresh TTL, returns it. */
  update(
    key: ContextKey,
    change: (context: ConversationContext) => ConversationContext,
  ): Promise<ConversationContext>;
  /** Forgets the context. */
  clear(key: ContextKey): Promise<void>;
}

/** Options of the memory store. */
export interface MemoryContextStoreOptions {
  ttlMs?: number;
  /** At most this many contexts; the least recently updated go first. */
  maxEntries?: number;
  now?: () => number;
}

/** Contexts in this process's memory, bounded (least recently updated dropped first) and expiring. */
export class MemoryContextStore implements ContextStore {
  private readonly entries = new Map<string, ConversationContext>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryContextStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? CONTEXT_TTL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many contexts are held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }

  async get(key: ContextKey): Promise<ConversationContext | undefined> {
    const id = contextKeyString(key);
    const context = this.entries.get(id);
    if (!context) return undefined;
    if (this.now() - context.updatedAt >= this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return structuredClone(context);
  }

  async update(
    key: ContextKey,
    change: (context: ConversationContext) => ConversationContext,
  ): Promise<ConversationContext> {
    const next = changedContext(await this.get(key), change, this.now());
    const id = contextKeyString(key);
    this.entries.delete(id);
    this.entries.set(id, structuredClone(next));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return next;
  }

  async clear(key: ContextKey): Promise<void> {
    this.entries.delete(contextKeyString(key));
  }
}
