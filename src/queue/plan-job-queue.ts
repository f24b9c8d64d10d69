import type { PlanJobData } from './plan-job';

/** Where plan jobs wait for a worker: BullMQ on Redis, or in process memory. */
export interface PlanJobQueue {
  /** True when a job can be queued right now (for Redis: the producer connection is up). */
  isAvailable(): boolean;
  /** Queues a job under `jobId`; resolves with its position (1 = next, 0 = being built). */
  add(jobId: string, data: PlanJobData): Promise<number>;
  /** A job's position (0 while being built), or undefined once it finished or is gone. */
  position(jobId: string): Promise<number | undefined>;
  /** Stops taking jobs; in-process queues finish the job in hand. */
  close(): Promise<void>;
}
