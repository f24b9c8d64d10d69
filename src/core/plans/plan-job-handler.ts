/**
 * What a worker does with one plan job: build the plan (pure processor), save it, then deliver it once
 * as far as the user can see. BullMQ runs a job at least once; the store's delivered-job record and
 * delivery lock make a second run skip the delivery.
 */
import { randomUUID } from 'node:crypto';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import type { Curriculum } from './curriculum';
import type { DeliveryRegistry } from './delivery-registry';
import type { PlanSource } from './generate-plan';
import { checkDeliveryTarget, type PlanJobData, targetPlatformOf } from './plan-job';
import { planMessages } from './plan-messages';
import { processPlanJob } from './plan-processor';
import type { PlanStore } from './plan-store';

/** What the handler needs. */
export interface PlanJobHandlerOptions {
  curriculum: () => Curriculum;
  source: (unitId: string) => PlanSource | undefined;
  store: PlanStore;
  deliverers: DeliveryRegistry;
  logger: Logger;
  /** How long one delivery may hold its lock (default 60 s); a crashed delivery blocks retries this long. */
  deliveryLockMs?: number;
  /**
   * Called after a delivery is recorded, before the job completes (metrics, logs; tests pause here to
   * crash a worker). With it, the job waits for the record's answer.
   */
  onDelivered?: (jobId: string, job: PlanJobData) => Promise<void> | void;
  /**
   * After the delivery is recorded, and again when a retry finds it delivered: starts what follows a
   * delivered plan (its weekly check-ins). Must be idempotent; a failure fails the job so a retry
   * (which will not deliver again) runs it once more.
   */
  afterDelivery?: (jobId: string, job: PlanJobData) => Promise<void>;
}

/** The result of one run of a job. */
export type PlanJobOutcome = 'delivered' | 'already-delivered' | 'cancelled';

/**
 * Runs plan jobs: `(jobId, data, attemptsStarted) => outcome`; throws to make the queue retry.
 * `attemptsStarted` counts the runs of this job including this one (BullMQ's `job.attemptsStarted`).
 */
export type PlanJobHandler = (
  jobId: string,
  data: unknown,
  attemptsStarted: number,
) => Promise<PlanJobOutcome>;

/**
 * Builds the job handler shared by the BullMQ worker and the in-process queue. A job's first run
 * delivers and then records the delivery (one Redis step); a later run (a retry, or a job taken over
 * from a crashed worker) first checks that record and takes a delivery lock, so nothing the user
 * already received is sent again. (The one case left: a first run stuck inside a delivery for longer
 * than BullMQ's job lock, 30 s by default, while another worker takes the job over.)
 */
export function createPlanJobHandler(options: PlanJobHandlerOptions): PlanJobHandler {
  const { store, deliverers, logger } = options;
  const lockMs = options.deliveryLockMs ?? 60_000;
  return async (jobId, data, attemptsStarted) => {
    const platform = targetPlatformOf(data);
    const deliverer = platform === undefined ? undefined : deliverers.get(platform);
    if (platform !== undefined && !deliverer) {
      // Another process (the one running that platform's adapter) can deliver it on a retry.
      throw new Error(`no ${platform} deliverer in this process`);
    }
    const { job, plan } = processPlanJob(data, {
      curriculum: options.curriculum(),
      source: options.source,
      targetSchemas: (p) => deliverers.schemaOf(p),
    });
    if (!deliverer) throw new Error('no deliverer for this job');
    let token: string | undefined;
    if (attemptsStarted > 1) {
      token = randomUUID();
      const gate = await store.beginDelivery(jobId, lockMs, token);
      if (gate === 'delivered') {
        await store.finishDelivery(job.user, jobId);
        await options.afterDelivery?.(jobId, job);
        logger.info({ jobId }, 'plan already delivered; not sending it again');
        return 'already-delivered';
      }
      if (gate === 'busy') throw new Error('plan delivery in progress in another worker');
    }
    // Saved before it is sent: `plan show` reads the store, never the queue's own keys.
    if (!(await store.savePlan(job.user, jobId, plan))) {
      // The user was told "try again shortly" (the request missed its deadline): never deliver it.
      if (token) await store.abortDelivery(jobId, token).catch(() => {});
      logger.info({ jobId }, 'plan request was cancelled after its deadline; not delivered');
      return 'cancelled';
    }
    try {
      await deliverer.deliver(job.target, plan, jobId, { resend: attemptsStarted > 1 });
    } catch (error) {
      if (token) await store.abortDelivery(jobId, token).catch(() => {});
      throw error;
    }
    // Recording the delivery is one write, sent without waiting for its answer so
    // the job completes in the same moment. Waiting would not make it safer: failing the job over a
    // failed record would only make a retry send the plan twice. (The plan itself is already saved.)
    const recorded = store.finishDelivery(job.user, jobId, token).catch((error: unknown) => {
      logger.error({ jobId, error: describeError(error) }, 'plan delivered but not recorded');
    });
    logger.info({ jobId, platform: job.target.platform, weeks: plan.weeks.length }, 'plan delivered');
    if (options.afterDelivery) {
      await recorded;
      await options.afterDelivery(jobId, job);
    }
    if (options.onDelivered) {
      await recorded;
      await options.onDelivered(jobId, job);
    }
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
  if (typeof user?.id !== 'string' || typeof user.platform !== 'string') return;
  try {
    if (!(await store.failed(user, jobId))) return;
    const target = checkDeliveryTarget(job?.target, (p) => deliverers.schemaOf(p));
    if (!target.ok) return;
    await deliverers.get(target.value.platform)?.deliverFailure?.(target.value, planMessages.failed, jobId);
  } catch (error) {
    logger.warn({ jobId, error: describeError(error) }, 'could not report a failed plan to its user');
  }
}
