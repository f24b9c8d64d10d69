/** One gateway connection (a Discord shard) of an adapter, for /readyz and /metrics. */
export interface ShardStatus {
  id: number;
  ready: boolean;
  /** Last heartbeat round trip in ms (-1 before the first). */
  pingMs: number;
}

/**
 * What every chat platform adapter is to the composition root (after Hubot's small Adapter contract):
 * it starts, it stops, it says whether it is connected. Adapters turn user messages into calls on the
 * core (Mentor, PlanService) and render the plain data that comes back.
 */
export interface Adapter {
  /** "terminal", "discord", "slack". */
  readonly name: string;
  /** Connects and starts taking messages. Rejects with a clear error when it cannot. */
  start(): Promise<void>;
  /** Stops taking new messages, finishes what is in hand, disconnects. Safe to call twice. */
  stop(): Promise<void>;
  /** True while connected and taking messages (for /readyz). */
  isReady(): boolean;
  /** The adapter's gateway shards, when it has several connections (Discord). */
  shards?(): ShardStatus[];
}
