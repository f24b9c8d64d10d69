/**
 * Weekly check-ins through BullMQ: one job scheduler per active plan (`upsertJobScheduler`, keyed by
 * the user, so a new plan replaces the old plan's schedule in one step), on the plans' Redis and
 * key prefix, in a queue of its own. The worker runs {@link runCheckin} for each fired job.
 */
import {
  defaultRepeatStrategy,
  type JobSchedulerJson,
  Queue,
  type RepeatOptions,
  type RepeatStrategy,
  Worker,
} from 'bullmq';
import type Redis from 'ioredis';
import type { CheckinJobData } from '../core/plans/companion/checkin-decision';
import {
  checkinCron,
  checkinInstant,
  nextWeeklyInstant,
  type PlanClock,
  type Weekday,
} from '../core/plans/companion/time-zones';
import type { UserRef } from '../core/plans/plan-service';
import { type CheckinDeps, type CheckinOutcome, runCheckin } from './checkin-processor';
import { closeWithin } from './redis-connection';

/** What schedules check-ins (BullMQ on Redis, or timers in memory). */
export interface CheckinScheduler {
  /** Creates or replaces the user's schedule for the plan in `job`. */
  schedule(job: CheckinJobData, clock: PlanClock): Promise<void>;
  /** Removes the user's schedule (check-ins stopped, plan finished); false when there was none. */
  unschedule(user: UserRef): Promise<boolean>;
  close(): Promise<void>;
}

/** The scheduler id of a user's check-ins (one active plan per user). */
export function checkinSchedulerId(user: UserRef): string {
  return `checkin:${user.platform}:${user.id}`;
}

/**
 * BullMQ repeat options for a plan: 09:00 on the plan's weekday in the user's zone (BullMQ evaluates
 * the cron pattern in `tz`, DST included), from week 2 (week 1 starts with the plan itself).
 */
export function checkinRepeat(clock: PlanClock): Omit<RepeatOptions, 'key'> {
  return {
    pattern: checkinCron(clock.weekday),
    tz: clock.zone,
    startDate: checkinInstant(clock, 2).getTime() - 60_000,
  };
}

/** A weekly cron pattern, `minute hour * * weekday` (the shape {@link checkinCron} writes). */
const WEEKLY_PATTERN = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/;

/**
 * BullMQ's repeat strategy for the check-in queue (its producers and its worker must share it): a
 * weekly pattern is evaluated by the zone arithmetic of time-zones.ts, the next such local time in
 * `tz` after `millis` or `startDate`, as BullMQ's cron parser would; any other pattern goes to
 * BullMQ's own strategy. Parsing and walking the cron cost about half a millisecond of CPU per
 * delivered plan, a tenth of a plan job's (issue 9, the burst profile); this costs a twentieth of it.
 */
export const checkinRepeatStrategy: RepeatStrategy = (millis, opts) => {
  const weekly = opts.pattern && !opts.immediately ? WEEKLY_PATTERN.exec(opts.pattern) : null;
  const minute = Number(weekly?.[1]);
  const hour = Number(weekly?.[2]);
  if (!weekly || !opts.tz || minute > 59 || hour > 23) return defaultRepeatStrategy(millis, opts);
  const start = opts.startDate === undefined ? millis : new Date(opts.startDate).getTime();
  const weekday = (Number(weekly[3]) || 7) as Weekday; // cron's Sunday is 0 or 7, ISO's is 7
  return nextWeeklyInstant(Math.max(millis, start), { weekday, hour, minute }, opts.tz);
};

/** Where the check-in queue lives: the plans' Redis connection, prefix and a queue name. */
export interface CheckinQueueOptions {
  connection: Redis;
  queueName: string;
  prefix: string;
  /** Tests: other repeat options (e.g. `{ every: 200 }`) instead of the weekly pattern. */
  repeat?: (clock: PlanClock) => Omit<RepeatOptions, 'key'>;
  /** Connection errors of the queue (BullMQ retries by itself); pass the logger's warn. */
  onError?: (error: Error) => void;
}

const TEMPLATE_OPTS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
};

/** Check-in schedules as BullMQ job schedulers. */
export class BullmqCheckinScheduler implements CheckinScheduler {
  readonly queue: Queue<CheckinJobData>;
  private readonly repeat: (clock: PlanClock) => Omit<RepeatOptions, 'key'>;

  private readonly connection: Redis;

  constructor(options: CheckinQueueOptions) {
    this.connection = options.connection;
    this.queue = new Queue<CheckinJobData>(options.queueName, {
      connection: options.connection,
      prefix: options.prefix,
      settings: { repeatStrategy: checkinRepeatStrategy },
    });
    this.repeat = options.repeat ?? checkinRepeat;
    this.queue.on('error', options.onError ?? (() => {}));
  }

  /** @inheritdoc */
  async schedule(job: CheckinJobData, clock: PlanClock): Promise<void> {
    await this.queue.upsertJobScheduler(checkinSchedulerId(job.user), this.repeat(clock), {
      name: 'checkin',
      data: job,
      opts: TEMPLATE_OPTS,
    });
  }

  /** @inheritdoc */
  async unschedule(user: UserRef): Promise<boolean> {
    return this.queue.removeJobScheduler(checkinSchedulerId(user));
  }

  /** The user's scheduler as BullMQ keeps it (tests, ops). */
  async scheduleOf(user: UserRef): Promise<JobSchedulerJson<CheckinJobData> | undefined> {
    return this.queue.getJobScheduler(checkinSchedulerId(user));
  }

  /** @inheritdoc On a connection that is not ready, waits for BullMQ at most a second. */
  async close(): Promise<void> {
    if (this.connection.status === 'ready') await this.queue.close();
    else await closeWithin(() => this.queue.close(), 1000);
  }
}

/** Options of a check-in worker. */
export interface CheckinWorkerOptions {
  connection: Redis;
  queueName: string;
  prefix: string;
  deps: CheckinDeps;
  concurrency?: number;
  /** The instant a job counts as fired at, from its scheduled time (tests shift it; default as is). */
  firedAt?: (scheduledAt: number) => Date;
  /** Called with each outcome (metrics, tests). */
  onOutcome?: (outcome: CheckinOutcome) => void;
  /** BullMQ stalled-job check interval (default 30 s; tests shorten it). */
  stalledInterval?: number;
  /** BullMQ job lock duration (default 30 s; tests shorten it so a killed worker's job stalls soon). */
  lockDuration?: number;
  /** Connection and processing errors (BullMQ retries by itself); pass the logger's warn. */
  onError?: (error: Error) => void;
}

/** Starts a BullMQ worker running check-ins. The connection must be a `blocking` one. */
export function startCheckinWorker(options: CheckinWorkerOptions): Worker<CheckinJobData, CheckinOutcome> {
  const firedAt = options.firedAt ?? ((at: number) => new Date(at));
  const worker = new Worker<CheckinJobData, CheckinOutcome>(
    options.queueName,
    async (job) => {
      const scheduledAt = job.opts.prevMillis ?? job.timestamp;
      const outcome = await runCheckin(job.data, firedAt(scheduledAt), options.deps);
      options.onOutcome?.(outcome);
      return outcome;
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 4,
      // The worker schedules each next check-in when one fires: the same strategy as the queue's.
      settings: { repeatStrategy: checkinRepeatStrategy },
      ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
      ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    },
  );
  worker.on('error', options.onError ?? (() => {}));
  return worker;
}
