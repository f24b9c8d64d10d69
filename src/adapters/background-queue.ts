import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';

type Job = () => Promise<void>;

/** How the queue yields to acks. */
export interface BackgroundQueueOptions {
  /** Jobs running at once (each usually ends with an HTTP call to Slack). */
  concurrency?: number;
  /** A job starts once no request has come in for this long... */
  quietMs?: number;
  /** ...or once it has waited this long, whatever the traffic. */
  maxDelayMs?: number;
  /** Who logs a failed job (`slack`, `discord`). */
  name?: string;
}

/**
 * Work that follows an ack (searching, rendering, posting the answer), run at a lower priority than
 * acks (Slack's, and Discord's HTTP interactions). Both platforms want an ack within 3 s but an answer
 * only "soon" (a Slack response_url lives 30 minutes, a Discord interaction token 15),
 * so during a burst the queue holds answers until requests stop arriving for a moment (`quietMs`),
 * never longer than `maxDelayMs`. Jobs start one per event-loop turn, at most `concurrency` at a
 * time. A failing job is logged, never thrown.
 */
export class BackgroundQueue {
  private readonly jobs: { job: Job; done: () => void; queuedAt: number }[] = [];
  private active = 0;
  private scheduled = false;
  private lastActivity = 0;
  private readonly drained: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;
  private readonly name: string;

  constructor(
    private readonly logger: Logger,
    options: BackgroundQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.quietMs = options.quietMs ?? 20;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
    this.name = options.name ?? 'slack';
  }

  /** Notes an incoming request (acks go first while they keep coming). */
  touch(): void {
    this.lastActivity = performance.now();
  }

  /** Queues a job; resolves when it has run (successfully or not). */
  run(job: Job): Promise<void> {
    return new Promise<void>((done) => {
      this.jobs.push({ job, done, queuedAt: performance.now() });
      this.pump();
    });
  }

  /** True while jobs wait or requests came in during the last `quietMs` (a burst is under way). */
  busy(): boolean {
    return this.size > 0 || performance.now() - this.lastActivity < this.quietMs;
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.jobs.length + this.active;
  }

  /** Resolves when nothing is queued or running (for a graceful stop). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pump(): void {
    const next = this.jobs[0];
    if (this.scheduled || !next || this.active >= this.concurrency) return;
    this.scheduled = true;
    const now = performance.now();
    const wait = Math.min(this.quietMs - (now - this.lastActivity), this.maxDelayMs - (now - next.queuedAt));
    if (wait > 0) {
      setTimeout(() => {
        this.scheduled = false;
        this.pump();
      }, Math.ceil(wait));
      return;
    }
    setImmediate(() => {
      this.scheduled = false;
      this.startOne();
      this.pump();
    });
  }

  private startOne(): void {
    const next = this.jobs.shift();
    if (!next) return;
    this.active++;
    void next
      .job()
      .catch((error: unknown) =>
        this.logger.error({ error: describeError(error) }, `${this.name}: background job failed`),
      )
      .finally(() => {
        this.active--;
        next.done();
        if (this.size === 0) for (const resolve of this.drained.splice(0)) resolve();
        this.pump();
      });
  }
}
