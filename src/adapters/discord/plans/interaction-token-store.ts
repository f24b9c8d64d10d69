/**
 * Where the Discord adapter keeps interaction tokens for the plan worker. A token is a credential
 * (it lets anyone edit the response and post follow-ups for 15 minutes), so it never goes into job
 * data: the job carries the interaction id and the worker looks the token up here.
 */
export interface InteractionTokenStore {
  /** Remembers the token of an interaction for `ttlMs` (default {@link INTERACTION_TOKEN_TTL_MS}). */
  put(interactionId: string, token: string, ttlMs?: number): Promise<void>;
  /** The token, or undefined when unknown or expired. */
  get(interactionId: string): Promise<string | undefined>;
  /** Forgets a token (after its last use). */
  delete(interactionId: string): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** Discord's interaction tokens are valid for 15 minutes. */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;

/** The in-process store (one bot process with an in-process worker): bounded, lost on restart. */
export class MemoryInteractionTokenStore implements InteractionTokenStore {
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  async put(interactionId: string, token: string, ttlMs = INTERACTION_TOKEN_TTL_MS): Promise<void> {
    this.tokens.delete(interactionId);
    this.tokens.set(interactionId, { token, expires: this.now() + ttlMs });
    if (this.tokens.size > this.maxEntries) this.prune();
  }

  async get(interactionId: string): Promise<string | undefined> {
    const entry = this.tokens.get(interactionId);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.tokens.delete(interactionId);
      return undefined;
    }
    return entry.token;
  }

  async delete(interactionId: string): Promise<void> {
    this.tokens.delete(interactionId);
  }

  async close(): Promise<void> {
    this.tokens.clear();
  }

  private prune(): void {
    const t = this.now();
    for (const [id, entry] of this.tokens) if (entry.expires <= t) this.tokens.delete(id);
    // Still too many (all live): drop the oldest; their plans fall back to a DM.
    for (const id of this.tokens.keys()) {
      if (this.tokens.size <= this.maxEntries) break;
      this.tokens.delete(id);
    }
  }
}
