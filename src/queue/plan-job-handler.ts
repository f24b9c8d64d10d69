/**
 * What a worker does with one plan job: build the plan (pure processor), save it, and deliver it once
 * as far as the user can see. BullMQ runs a job at least once; the store's delivered-job record and
 * delivery lock make a second run skip the delivery.
 */
import { randomUUID } from 'node:crypto';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Curriculum } from '../core/plans/curriculum';
import type { PlanSource } from '../core/plans/generate-plan';
import { planMessages } from '../core/plans/plan-messages';
import type { PlanStore } from '../core/plans/plan-store';
import type { DeliveryRegistry } from './delivery-registry';
import type { PlanJobData } from './plan-job';
import { processPlanJob } from './plan-processor';

/** What the handler needs. */
export interface PlanJobHandlerOptions {
  curriculum: () => Curriculum;
  source: (unitId: string) => PlanSource | undefined;
  store: PlanStore;
  deliverers: DeliveryRegistry;
  logger: Logger;
  /** How long one delivery may hold its lock (default 60 s); a crashed delivery blocks retries this long. */
  deliveryLockMs?: number;
  /** Called after a delivery is recorded (metrics, logs; tests pause here to crash a worker). */
  onDelivered?: (jobId: string, job: PlanJobData) => Promise<void> | void;
}

/** The result of one run of a job. */
export type PlanJobOutcome = 'delivered' | 'already-delivered';

/** Runs plan jobs: `(jobId, data) => outcome`; throws to make the queue retry. */
export type PlanJobHandler = (jobId: string, data: unknown) => Promise<PlanJobOutcome>;

/** Builds the job handler shared by the BullMQ worker and the in-process queue. */
export function createPlanJobHandler(options: PlanJobHandlerOptions): PlanJobHandler {
  const { store, deliverers, logger } = options;
  const lockMs = options.deliveryLockMs ?? 60_000;
  return async (jobId, data) => {
    const { job, plan } = processPlanJob(data, { curriculum: options.curriculum(), source: options.source });
    const deliverer = deliverers.get(job.target.platform);
    if (!deliverer) {
      // Another process (the one running that platform's adapter) can deliver it on a retry.
      throw new Error(`no ${job.target.platform} deliverer in this process`);
    }
    const token = randomUUID();
    const gate = await store.beginDelivery(job.user, jobId, plan, lockMs, token);
    if (gate === 'delivered') {
      await store.finishDelivery(job.user, jobId, token);
      logger.info({ jobId }, 'plan already delivered; not sending it again');
      return 'already-delivered';
    }
    if (gate === 'busy') throw new Error('plan delivery in progress in another worker');
    try {
      await deliverer.deliver(job.target, plan, jobId);
    } catch (error) {
      await store.abortDelivery(jobId, token).catch(() => {});
      throw error;
    }
    await store.finishDelivery(job.user, jobId, token);
    logger.info({ jobId, platform: job.target.platform, weeks: plan.weeks.length }, 'plan delivered');
    await options.onDelivered?.(jobId, job);
    return 'delivered';
  };
}

/**
 * After a job failed for good: frees the user's slot and, once, tells the user (best effort).
 * `data` may be malformed; then there is nobody to tell.
 */
export async function handleFinalFailure(
  jobId: string,
  data: unknown,
  store: PlanStore,
  deliverers: DeliveryRegistry,
  logger: Logger,
): Promise<void> {
  const job = data as Partial<PlanJobData> | null | undefined;
  const user = job?.user;
  const target = job?.target;
  if (
    typeof user?.id !== 'string' ||
    typeof user.platform !== 'string' ||
    typeof target?.platform !== 'string'
  ) {
    return;
  }
  try {
    if (!(await store.failed(user, jobId))) return;
    await deliverers.get(target.platform)?.deliverFailure?.(target, planMessages.failed, jobId);
  } catch (error) {
    logger.warn({ jobId, error: describeError(error) }, 'could not report a failed plan to its user');
  }
}
