/**
 * Spaces messages to one channel about a second apart (Slack's `chat.postMessage` allows about one
 * message a second per channel); different channels do not wait for each other.
 */
export class ChannelPacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when a message may be sent to `channel`, and books the slot. */
  async wait(channel: string): Promise<void> {
    const t = this.now();
    const at = Math.max(t, this.next.get(channel) ?? 0);
    this.next.set(channel, at + this.intervalMs);
    if (this.next.size > 10_000) {
      for (const [c, when] of this.next) if (when < t) this.next.delete(c);
    }
    if (at > t) await this.sleep(at - t);
  }
}
