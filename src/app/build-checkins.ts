/**
 * Builds the weekly check-ins beside the plans: the {@link PlanCompanion} (state and schedules the
 * commands change) and what runs a fired check-in. On Redis: one BullMQ job scheduler per plan in a
 * queue of its own (same connection and prefix as the plans) and a check-in worker wherever a plan
 * worker runs. Without Redis: timers in this process, firing the same processor.
 */
import type { RepeatOptions, Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { Config } from '../config/config';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { CheckinJobData } from '../core/plans/companion/checkin-decision';
import { checkinKey } from '../core/plans/companion/checkin-state';
import { MemoryCheckinStore } from '../core/plans/companion/memory-checkin-store';
import { type CompanionPlan, PlanCompanion } from '../core/plans/companion/plan-companion';
import type { PlanClock } from '../core/plans/companion/time-zones';
import type { DeliveryRegistry } from '../core/plans/delivery-registry';
import type { UserRef } from '../core/plans/plan-service';
import type { PlanStore } from '../core/plans/plan-store';
import { type CheckinDeps, type CheckinOutcome, runCheckin } from '../queue/checkin-processor';
import { BullmqCheckinScheduler, startCheckinWorker } from '../queue/checkin-scheduler';
import { MemoryCheckinScheduler, systemClock, type TimerClock } from '../queue/memory-checkin-scheduler';
import { isRedisConnectionError } from '../queue/redis-connection';
import { RedisCheckinStore } from '../stores/redis-checkin-store';

/** Test and benchmark settings of the check-ins (time is controlled, never waited for). */
export interface CheckinTuning {
  /** BullMQ repeat options instead of the weekly pattern (e.g. `{ every: 200 }`). */
  repeat?: (clock: PlanClock) => Omit<RepeatOptions, 'key'>;
  /** The instant a fired job counts as (tests jump to a plan week). */
  firedAt?: (scheduledAt: number) => Date;
  /** Timers of the in-memory scheduler. */
  timerClock?: TimerClock;
  /** The companion's clock (the day a plan starts, the current week). */
  now?: () => Date;
  stalledInterval?: number;
  lockDuration?: number;
  /** How long a check-in's send lock is held (default 60 s). */
  sendLockMs?: number;
  /** Told of every outcome (metrics, tests). */
  onOutcome?: (outcome: CheckinOutcome) => void;
}

/** The check-in queue's name beside the plans' queue. */
export const checkinQueueName = (config: Pick<Config, 'plans'>): string =>
  `${config.plans.queueName}-checkins`;

/** The user's latest plan and done topics, from the plan store. */
export function planLoader(store: PlanStore): (user: UserRef) => Promise<CompanionPlan | undefined> {
  return async (user) => {
    const [plan, done] = await Promise.all([store.latestPlan(user), store.doneTopics(user)]);
    return plan ? { plan, done } : undefined;
  };
}

/** What the processor needs: the companion's store and plans, and sending through the deliverers. */
export function checkinDeps(
  companion: PlanCompanion,
  deliverers: DeliveryRegistry,
  tuning?: CheckinTuning,
): CheckinDeps {
  return {
    store: companion.store,
    loadPlan: (user) => companion.loadPlan(user),
    send: async (job: CheckinJobData, content) => {
      const deliverer = deliverers.get(job.target.platform);
      if (!deliverer?.deliverCheckin) {
        // Another process (the one running that platform) may have it: the job is retried.
        throw new Error(`no ${job.target.platform} check-in deliverer in this process`);
      }
      await deliverer.deliverCheckin(job.target, content, checkinKey(job.planId, content.week));
    },
    finish: (job) => companion.finish(job),
    ...(tuning?.sendLockMs ? { lockMs: tuning.sendLockMs } : {}),
  };
}

/** Check-ins in this process's memory (no REDIS_URL): lost on restart, like the plans. */
export function memoryCheckins(options: {
  plans: PlanStore;
  deliverers: DeliveryRegistry;
  logger: Logger;
  tuning?: CheckinTuning;
}): { companion: PlanCompanion; close(): Promise<void> } {
  const { tuning, logger } = options;
  let deps: CheckinDeps | undefined;
  const scheduler = new MemoryCheckinScheduler(
    async (job, firedAt) => {
      const outcome = await runCheckin(job, firedAt, deps!);
      tuning?.onOutcome?.(outcome);
    },
    tuning?.timerClock ?? systemClock,
    (error) => logger.warn({ error: describeError(error) }, 'check-in failed'),
  );
  const companion = new PlanCompanion({
    store: new MemoryCheckinStore(),
    schedules: scheduler,
    loadPlan: planLoader(options.plans),
    ...(tuning?.now ? { now: tuning.now } : {}),
  });
  deps = checkinDeps(companion, options.deliverers, tuning);
  return { companion, close: () => scheduler.close() };
}

/** The companion on Redis (any process: the bot's commands, a worker's deliveries). */
export function redisCompanion(options: {
  connection: Redis;
  config: Pick<Config, 'plans'>;
  plans: PlanStore;
  logger: Logger;
  tuning?: CheckinTuning;
}): { companion: PlanCompanion; close(): Promise<void> } {
  const { connection, config, tuning } = options;
  const scheduler = new BullmqCheckinScheduler({
    connection,
    queueName: checkinQueueName(config),
    prefix: config.plans.prefix,
    ...(tuning?.repeat ? { repeat: tuning.repeat } : {}),
    // Connection errors are logged once per connection by the connection itself.
    onError: (error) => {
      if (!isRedisConnectionError(error))
        options.logger.warn({ error: describeError(error) }, 'check-in queue error');
    },
  });
  const companion = new PlanCompanion({
    store: new RedisCheckinStore(connection, config.plans.prefix),
    schedules: scheduler,
    loadPlan: planLoader(options.plans),
    ...(tuning?.now ? { now: tuning.now } : {}),
  });
  return { companion, close: () => scheduler.close() };
}

/** A BullMQ check-in worker on `connection` (a blocking one), sending through `deliverers`. */
export function startRedisCheckinWorker(options: {
  connection: Redis;
  config: Pick<Config, 'plans'>;
  companion: PlanCompanion;
  deliverers: DeliveryRegistry;
  logger: Logger;
  tuning?: CheckinTuning;
}): Worker {
  const { tuning, logger } = options;
  const { lockMs, stalledIntervalMs } = options.config.plans;
  // The plan workers' configured lock and stall check apply here too (PLAN_JOB_LOCK_MS,
  // PLAN_STALLED_INTERVAL_MS); a killed sender's lock outlives its job lock, like a plan delivery's.
  const sendLockMs = tuning?.sendLockMs ?? 2 * (lockMs ?? 30_000);
  const stalledInterval = tuning?.stalledInterval ?? stalledIntervalMs;
  const lockDuration = tuning?.lockDuration ?? lockMs;
  return startCheckinWorker({
    connection: options.connection,
    queueName: checkinQueueName(options.config),
    prefix: options.config.plans.prefix,
    deps: checkinDeps(options.companion, options.deliverers, { ...tuning, sendLockMs }),
    ...(tuning?.firedAt ? { firedAt: tuning.firedAt } : {}),
    ...(stalledInterval ? { stalledInterval } : {}),
    ...(lockDuration ? { lockDuration } : {}),
    onOutcome: (outcome) => {
      if (outcome.status === 'invalid') logger.warn({ problem: outcome.problem }, 'check-in job dropped');
      tuning?.onOutcome?.(outcome);
    },
    onError: (error) => {
      if (!isRedisConnectionError(error))
        logger.warn({ error: describeError(error) }, 'check-in worker error');
    },
  });
}
