import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { PlanJobData } from '../core/plans/plan-job';
import type { PlanJobQueue } from '../core/plans/plan-job-queue';
import { jobOptions, type PlanJobSettings } from './queue-settings';
import { closeWithin, isRedisConnectionError } from './redis-connection';

/** Options of the BullMQ producer. */
export interface BullPlanQueueOptions {
  /** A `producer` connection (fails fast when Redis is down); closed by the caller. */
  connection: Redis;
  name: string;
  prefix: string;
  logger: Logger;
  settings?: PlanJobSettings;
}

/** The producer side of the plan queue on BullMQ. */
export class BullPlanQueue implements PlanJobQueue {
  readonly queue: Queue<PlanJobData>;
  /**
   * True once the connection failed or closed, until it is ready again. While the first connection is
   * still being made (bot start-up), requests wait for it instead of failing.
   */
  private down = false;
  /** The readiness the requests waiting for the connection share (see {@link whenReady}). */
  private readiness: Promise<void> | undefined;

  constructor(private readonly options: BullPlanQueueOptions) {
    const connection = options.connection;
    connection.on('ready', () => {
      this.down = false;
    });
    connection.on('error', () => {
      this.down = true;
    });
    connection.on('close', () => {
      this.down = true;
    });
    this.queue = new Queue<PlanJobData>(options.name, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: jobOptions(options.settings),
    });
    this.queue.on('error', (error) => {
      if (isRedisConnectionError(error)) return;
      options.logger.warn({ queue: options.name, error: describeError(error) }, 'plan queue error');
    });
  }

  isAvailable(): boolean {
    return this.options.connection.status === 'ready' || !this.down;
  }

  /**
   * While the connection is being made, every waiting request shares one readiness promise (one set
   * of connection listeners, however many requests a start-up burst brings); each waits at most `ms`.
   */
  whenReady(ms: number): Promise<void> {
    if (this.options.connection.status === 'ready') return Promise.resolve();
    this.readiness ??= this.nextReady();
    const readiness = this.readiness;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis not ready within ${ms} ms`)), ms);
    });
    return Promise.race([readiness, timeout]).finally(() => clearTimeout(timer));
  }

  /** Settles on the connection's next `ready` (resolved) or failure (rejected), then is forgotten. */
  private nextReady(): Promise<void> {
    const connection = this.options.connection;
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        connection.off('ready', onReady);
        connection.off('error', onDown);
        connection.off('close', onDown);
        this.readiness = undefined;
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onDown = () => done(new Error('redis connection failed'));
      connection.on('ready', onReady);
      connection.on('error', onDown);
      connection.on('close', onDown);
    });
  }

  /**
   * Queues the job; its position is the number of jobs waiting right after (0: none, so a worker took
   * this one already). Like {@link position}, an upper bound: jobs added meanwhile count too.
   */
  async add(jobId: string, data: PlanJobData): Promise<number> {
    await this.queue.add('plan', data, { jobId });
    return this.queue.getWaitingCount();
  }

  /**
   * From BullMQ's public API only (`getJobState`, one script that does not read the job's data): 0 while the job is being built; while it waits, the number of
   * waiting jobs (an upper bound: jobs are taken oldest first and this one may not be the newest).
   */
  async position(jobId: string): Promise<number | undefined> {
    const state = await this.queue.getJobState(jobId);
    if (state === 'active') return 0;
    if (state === 'waiting' || state === 'prioritized' || state === 'waiting-children') {
      return Math.max(1, await this.queue.getWaitingCount());
    }
    if (state === 'delayed') return (await this.queue.getWaitingCount()) + 1;
    return undefined;
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
  }

  /** Closes the queue; on a connection that is not ready, waits for BullMQ at most a second. */
  async close(): Promise<void> {
    if (this.options.connection.status === 'ready') await this.queue.close();
    else await closeWithin(() => this.queue.close(), 1000);
  }
}
