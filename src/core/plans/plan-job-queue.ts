import type { PlanJobData } from './plan-job';

/** Where plan jobs wait for a worker: BullMQ on Redis, or in process memory. */
export interface PlanJobQueue {
  /**
   * False when a job cannot be queued now (for Redis: the producer connection was up and is down), so
   * the request fails at once instead of waiting.
   */
  isAvailable(): boolean;
  /** Resolves when jobs can be queued (for Redis: the first connection is made); rejects after `ms`. */
  whenReady(ms: number): Promise<void>;
  /** Queues a job under `jobId`; resolves with its position (1 = next, 0 = being built). */
  add(jobId: string, data: PlanJobData): Promise<number>;
  /** A job's position (0 while being built), or undefined once it finished or is gone. */
  position(jobId: string): Promise<number | undefined>;
  /** How many jobs are in each state (waiting, active, delayed, failed), for metrics. */
  counts(): Promise<Record<string, number>>;
  /** Stops taking jobs; in-process queues finish the job in hand. */
  close(): Promise<void>;
}
