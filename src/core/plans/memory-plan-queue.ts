import { describeError } from '../errors';
import type { Logger } from '../logger';
import { isUnrecoverable } from './job-errors';
import type { PlanJobData } from './plan-job';
import type { PlanJobHandler } from './plan-job-handler';
import type { PlanJobQueue } from './plan-job-queue';

/** Options of the in-process queue. */
export interface MemoryPlanQueueOptions {
  handler: PlanJobHandler;
  logger: Logger;
  /** Tries per job (default 3), with exponential backoff from `backoffMs` (default 500 ms). */
  attempts?: number;
  backoffMs?: number;
  /** Called once a job failed for good. */
  onFailed?: (jobId: string, data: PlanJobData, error: unknown) => Promise<void>;
}

/**
 * Runs plan jobs in this process, one at a time in arrival order, with retries; the stand-in for
 * BullMQ when there is no REDIS_URL (state is lost on restart).
 */
export class MemoryPlanQueue implements PlanJobQueue {
  private readonly waiting: { jobId: string; data: PlanJobData }[] = [];
  private active: { jobId: string; data: PlanJobData } | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly sleeps = new Map<NodeJS.Timeout, () => void>();

  constructor(private readonly options: MemoryPlanQueueOptions) {}

  isAvailable(): boolean {
    return !this.closed;
  }

  async whenReady(): Promise<void> {}

  async counts(): Promise<Record<string, number>> {
    return { waiting: this.waiting.length, active: this.active ? 1 : 0, delayed: 0, failed: 0 };
  }

  async add(jobId: string, data: PlanJobData): Promise<number> {
    if (this.closed) throw new Error('the in-process plan queue is closed');
    this.waiting.push({ jobId, data });
    const position = this.waiting.length;
    if (!this.running) this.running = this.drain();
    return position;
  }

  async position(jobId: string): Promise<number | undefined> {
    if (this.active?.jobId === jobId) return 0;
    const index = this.waiting.findIndex((j) => j.jobId === jobId);
    return index < 0 ? undefined : index + 1;
  }

  private async drain(): Promise<void> {
    // Let the caller's answer ("queued, position 1") go out before the plan does.
    await new Promise((resolve) => setImmediate(resolve));
    for (let next = this.waiting[0]; next; next = this.waiting[0]) {
      this.active = next;
      this.waiting.shift();
      await this.runJob(next.jobId, next.data);
      this.active = undefined;
    }
    this.running = undefined;
  }

  private async runJob(jobId: string, data: PlanJobData): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(jobId, data, attempt);
        return;
      } catch (error) {
        this.options.logger.warn({ jobId, attempt, error: describeError(error) }, 'plan job failed');
        if (this.closed) return;
        if (isUnrecoverable(error) || attempt >= attempts) {
          await this.options.onFailed?.(jobId, data, error).catch(() => {});
          return;
        }
        await this.sleep((this.options.backoffMs ?? 500) * 2 ** (attempt - 1));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeps.delete(timer);
        resolve();
      }, ms);
      this.sleeps.set(timer, resolve);
    });
  }

  /**
   * Stops taking jobs and finishes the ones already queued (building a plan takes milliseconds; a job
   * that fails is not retried any more), so a plan asked for just before the terminal closes still
   * arrives.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const [timer, wake] of this.sleeps) {
      clearTimeout(timer);
      wake();
    }
    this.sleeps.clear();
    await this.running;
  }
}
