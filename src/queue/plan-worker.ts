/**
 * The BullMQ worker for plan jobs. Run in the bot process (unless PLAN_WORKER=false) and by
 * `npm run worker`, so several processes or machines can share one Redis.
 */
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { DeliveryRegistry } from '../core/plans/delivery-registry';
import { isUnrecoverable } from '../core/plans/job-errors';
import type { PlanJobData } from '../core/plans/plan-job';
import { handleFinalFailure, type PlanJobHandler } from '../core/plans/plan-job-handler';
import type { PlanStore } from '../core/plans/plan-store';
import { closeWithin, isRedisConnectionError } from './redis-connection';

/** Options of a plan worker. Every worker of a queue must use the same `stalledInterval`. */
export interface PlanWorkerOptions {
  /** A `blocking` connection (`maxRetriesPerRequest: null`); closed by the caller. */
  connection: Redis;
  name: string;
  prefix: string;
  handler: PlanJobHandler;
  store: PlanStore;
  deliverers: DeliveryRegistry;
  logger: Logger;
  /** Jobs worked on at once (default 16: a job mostly waits on the platform API). */
  concurrency?: number;
  /** Job lock in ms (BullMQ default 30 s); a crashed worker's job is retried after about this long. */
  lockDuration?: number;
  /** Stalled-job check period in ms (BullMQ default 30 s). */
  stalledInterval?: number;
  /** How often a job may stall before it fails (default 1). */
  maxStalledCount?: number;
}

/** A running worker. */
export interface PlanWorker {
  readonly worker: Worker<PlanJobData>;
  /** Stops taking jobs and waits for the jobs in hand. */
  close(): Promise<void>;
}

/** Starts a BullMQ worker for the plan queue. */
export function startPlanWorker(options: PlanWorkerOptions): PlanWorker {
  const { logger } = options;
  const worker = new Worker<PlanJobData>(
    options.name,
    async (job: Job<PlanJobData>) => options.handler(job.id!, job.data, job.attemptsStarted),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 16,
      maxStalledCount: options.maxStalledCount ?? 1,
      // Undefined would override BullMQ's defaults: pass only what is set.
      ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
      ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
    },
  );
  worker.on('error', (error) => {
    if (!isRedisConnectionError(error)) logger.error({ error: describeError(error) }, 'plan worker error');
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final =
      isUnrecoverable(error) ||
      typeof job.finishedOn === 'number' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, final, error: describeError(error) },
      'plan job failed',
    );
    if (final) void handleFinalFailure(job.id!, job.data, options.store, options.deliverers, logger);
  });
  let closing: Promise<void> | undefined;
  return {
    worker,
    close: () => {
      closing ??= closeWorker(worker, options.connection);
      return closing;
    },
  };
}

/**
 * Closes a BullMQ worker: gracefully (jobs in hand finish) while its connection is up. Not connected
 * (wrong password, Redis unreachable, or ended by the shutdown), no job in hand can finish without
 * Redis (a delivered one is sent again harmlessly by the next worker), and BullMQ's close would wait
 * for a connection that is not coming: it is forced, within a second.
 */
export async function closeWorker(
  worker: Pick<Worker, 'close'>,
  connection: Pick<Redis, 'status'>,
): Promise<void> {
  if (connection.status === 'ready') await worker.close();
  else await closeWithin(() => worker.close(true), 1000);
}
