/** How a {@link ChannelPacer} spaces messages; every field has a default. */
export interface ChannelPacerOptions {
  /** Sustained spacing of messages to one channel (default 1000 ms: Slack's ~1 message a second). */
  intervalMs?: number;
  /**
   * Messages one channel may get at once before the spacing applies (default 3: Slack grants short
   * bursts above its one a second, so a plan of two or three messages goes out without waiting).
   */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps messages to one channel within Slack's `chat.postMessage` limit (about one a second per
 * channel, short bursts allowed): a burst of `burst` messages goes at once, then one per
 * `intervalMs` (a token bucket, kept as each channel's theoretical arrival time). Different channels
 * never wait for each other. A 429 that gets through anyway is retried by the Web API client after
 * its `Retry-After`.
 */
export class ChannelPacer {
  /** Per channel: when the bucket would be full again if no more messages were booked. */
  private readonly full = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: ChannelPacerOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.burst = Math.max(1, options.burst ?? 3);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Resolves when a message may be sent to `channel`, and books the slot. */
  async wait(channel: string): Promise<void> {
    const t = this.now();
    const full = Math.max(t, this.full.get(channel) ?? 0);
    const at = Math.max(t, full - (this.burst - 1) * this.intervalMs);
    this.full.set(channel, full + this.intervalMs);
    if (this.full.size > 10_000) {
      for (const [c, when] of this.full) if (when < t) this.full.delete(c);
    }
    if (at > t) await this.sleep(at - t);
  }
}
