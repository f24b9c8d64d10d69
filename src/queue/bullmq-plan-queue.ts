import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { PlanJobData } from './plan-job';
import type { PlanJobQueue } from './plan-job-queue';
import { jobOptions, type PlanJobSettings } from './queue-settings';
import { isRedisConnectionError } from './redis-connection';

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

  whenReady(ms: number): Promise<void> {
    const connection = this.options.connection;
    if (connection.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        connection.off('ready', onReady);
        connection.off('error', onDown);
        connection.off('close', onDown);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onDown = () => done(new Error('redis connection failed'));
      const timer = setTimeout(() => done(new Error(`redis not ready within ${ms} ms`)), ms);
      connection.on('ready', onReady);
      connection.on('error', onDown);
      connection.on('close', onDown);
    });
  }

  async add(jobId: string, data: PlanJobData): Promise<number> {
    await this.queue.add('plan', data, { jobId });
    return (await this.position(jobId)) ?? 0;
  }

  async activeJobData(jobId: string): Promise<unknown | undefined> {
    const results = await this.options.connection
      .pipeline()
      .lpos(this.queue.toKey('active'), jobId)
      .hget(this.queue.toKey(jobId), 'data')
      .exec();
    const [[positionError, position] = [], [dataError, data] = []] = results ?? [];
    if (positionError || dataError) throw positionError ?? dataError;
    return typeof position === 'number' && typeof data === 'string' ? JSON.parse(data) : undefined;
  }

  async position(jobId: string): Promise<number | undefined> {
    const redis = this.options.connection;
    const wait = this.queue.toKey('wait');
    const results = await redis
      .pipeline()
      .llen(wait)
      .lpos(wait, jobId)
      .lpos(this.queue.toKey('active'), jobId)
      .zscore(this.queue.toKey('delayed'), jobId)
      .exec();
    const [length, inWait, inActive, delayed] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    // New jobs are pushed on the left and taken from the right: the jobs ahead are those to the right.
    if (typeof inWait === 'number') return Number(length) - inWait;
    if (typeof inActive === 'number') return 0;
    if (delayed !== null && delayed !== undefined) return Number(length) + 1;
    return undefined;
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
