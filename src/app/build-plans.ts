/**
 * Builds the study-plan machinery from the configuration: on Redis (BullMQ queue, Redis store, an
 * optional in-process worker) when REDIS_URL is set, else in process memory with one warning.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'bullmq';
import type { Config } from '../config/config';
import { describeError } from '../core/errors';
import type { KnowledgeSnapshot } from '../core/knowledge/knowledge-base';
import type { Logger } from '../core/logger';
import type { PlanCompanion } from '../core/plans/companion/plan-companion';
import { type Curriculum, loadCurriculumFile, unresolvedSources } from '../core/plans/curriculum';
import { DeliveryRegistry } from '../core/plans/delivery-registry';
import type { PlanSource } from '../core/plans/generate-plan';
import { MemoryPlanQueue } from '../core/plans/memory-plan-queue';
import { MemoryPlanStore } from '../core/plans/memory-plan-store';
import { createPlanJobHandler, handleFinalFailure } from '../core/plans/plan-job-handler';
import type { PlanService } from '../core/plans/plan-service';
import type { PlanStore } from '../core/plans/plan-store';
import { QueuedPlanService } from '../core/plans/queued-plan-service';
import { BullPlanQueue } from '../queue/bullmq-plan-queue';
import { closeWorker, type PlanWorker, startPlanWorker } from '../queue/plan-worker';
import type { PlanJobSettings } from '../queue/queue-settings';
import { closeRedis, createRedisConnection } from '../queue/redis-connection';
import { RedisPlanStore } from '../queue/redis-plan-store';
import {
  type CheckinTuning,
  memoryCheckins,
  redisCompanion,
  startRedisCheckinWorker,
} from './build-checkins';
import { projectRoot } from './project-root';

type PlansConfig = Pick<Config, 'redisUrl' | 'plans' | 'knowledgeDir'>;

/** Worker settings tests shorten (lock and stall intervals) or benchmarks vary (concurrency). */
export interface PlanWorkerTuning {
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  deliveryLockMs?: number;
  jobSettings?: PlanJobSettings;
  /** Check-in timing (tests control time through it). */
  checkins?: CheckinTuning;
}

/** What building the plans needs. */
export interface BuildPlansOptions {
  config: PlansConfig;
  logger: Logger;
  knowledge: () => KnowledgeSnapshot;
  /** Deliverers of this process; adapters may register theirs later. */
  deliverers?: DeliveryRegistry;
  /** Run a worker in this process (default `config.plans.inProcessWorker`; always in memory mode). */
  inProcessWorker?: boolean;
  curriculum?: Curriculum;
  tuning?: PlanWorkerTuning;
  /** Called after each recorded delivery by this process's worker (metrics, logs, tests). */
  onDelivered?: (jobId: string) => Promise<void> | void;
}

/** The built plan machinery. */
export interface PlansRuntime {
  service: PlanService;
  /** Weekly check-ins, time zones and the calendar (the core's `plan checkins ...`). */
  companion: PlanCompanion;
  deliverers: DeliveryRegistry;
  /** True when plans live in memory (no REDIS_URL). */
  inMemory: boolean;
  /** Jobs by state, for the metrics. */
  queueCounts(): Promise<Record<string, number>>;
  /** Stops the worker (waiting for the job in hand), the service and their connections. */
  close(): Promise<void>;
}

/** How many topics a warning names (the rest are counted). */
const MAX_LISTED = 5;

/** `curriculum.yml` in the knowledge directory (it may not exist). */
const ownCurriculum = (config: Pick<Config, 'knowledgeDir'>) =>
  resolve(process.cwd(), config.knowledgeDir, 'curriculum.yml');

/** The curriculum file: `curriculum.yml` in the knowledge directory, else the project's own. */
export function curriculumPath(config: Pick<Config, 'knowledgeDir'>): string {
  const own = ownCurriculum(config);
  return existsSync(own) ? own : join(projectRoot(), 'knowledge', 'curriculum.yml');
}

/** Loads the curriculum and warns about topics citing knowledge units that do not exist. */
export function loadCurriculum(
  config: Pick<Config, 'knowledgeDir'>,
  logger: Logger,
  snapshot: KnowledgeSnapshot,
): Curriculum {
  const file = curriculumPath(config);
  const curriculum = loadCurriculumFile(file);
  const missing = unresolvedSources(curriculum, new Set(snapshot.units.map((u) => u.id)));
  if (missing.length === 0) return curriculum;
  const ids = missing.map((m) => m.id);
  // The project's own curriculum beside an operator's knowledge cites the project's units: expected,
  // worth one line, not a warning that lists every topic.
  if (file !== ownCurriculum(config)) {
    logger.info(
      { missing: ids.length },
      'the knowledge has no curriculum.yml: plans use the built-in one and cite no source topics of this knowledge',
    );
    return curriculum;
  }
  logger.warn(
    { topics: ids.slice(0, MAX_LISTED), more: Math.max(0, ids.length - MAX_LISTED) },
    'curriculum topics cite knowledge units that do not exist; their plans show no source',
  );
  return curriculum;
}

/** The curriculum, or undefined (with a warning) when it cannot be loaded: answers then offer no plans. */
export function tryLoadCurriculum(
  config: Pick<Config, 'knowledgeDir'>,
  logger: Logger,
  snapshot: KnowledgeSnapshot,
): Curriculum | undefined {
  try {
    return loadCurriculum(config, logger, snapshot);
  } catch (error) {
    logger.warn({ error: describeError(error) }, 'no curriculum: answers say nothing about learning paths');
    return undefined;
  }
}

/** Finds knowledge units by id in the current snapshot (the map is rebuilt when knowledge reloads). */
export function sourceLookup(knowledge: () => KnowledgeSnapshot): (unitId: string) => PlanSource | undefined {
  let cached: { snapshot: KnowledgeSnapshot; byId: Map<string, PlanSource> } | undefined;
  return (unitId) => {
    const snapshot = knowledge();
    if (cached?.snapshot !== snapshot) {
      const byId = new Map(snapshot.units.map((u) => [u.id, { id: u.id, title: u.title, path: u.path }]));
      cached = { snapshot, byId };
    }
    return cached.byId.get(unitId);
  };
}

/** Options of a standalone or in-process Redis worker. */
export interface RedisWorkerOptions {
  config: PlansConfig & { redisUrl: string };
  logger: Logger;
  knowledge: () => KnowledgeSnapshot;
  curriculum: Curriculum;
  deliverers: DeliveryRegistry;
  tuning?: PlanWorkerTuning;
  /** Called after each recorded delivery (metrics, logs). */
  onDelivered?: (jobId: string) => Promise<void> | void;
}

/**
 * Starts a plan worker on Redis with its own connections, and beside it the check-in worker (the
 * check-ins of plans, sent through the same deliverers); `close()` stops both and closes the connections.
 */
export function startRedisPlanWorker(options: RedisWorkerOptions): PlanWorker & { checkinWorker: Worker } {
  const { config, logger, tuning } = options;
  const connection = createRedisConnection(config.redisUrl, 'blocking', { name: 'plans-worker', logger });
  // The store has its own connection: a delivery's record does not wait behind BullMQ's commands.
  const storeConnection = createRedisConnection(config.redisUrl, 'blocking', {
    name: 'plans-worker-store',
    logger,
  });
  const store = new RedisPlanStore(storeConnection, { prefix: config.plans.prefix });
  // Check-ins: a delivered plan's scheduler is upserted here; the check-in worker shares the plan
  // worker's connection (BullMQ gives each worker its own blocking duplicate).
  const checkins = redisCompanion({
    connection: storeConnection,
    config,
    plans: store,
    logger,
    tuning: tuning?.checkins,
  });
  const checkinWorker = startRedisCheckinWorker({
    connection,
    config,
    companion: checkins.companion,
    deliverers: options.deliverers,
    logger,
    tuning: tuning?.checkins,
  });
  const handler = createPlanJobHandler({
    curriculum: () => options.curriculum,
    source: sourceLookup(options.knowledge),
    store,
    deliverers: options.deliverers,
    logger,
    // A crashed retry's delivery lock blocks the next retry this long: twice the job lock.
    deliveryLockMs: tuning?.deliveryLockMs ?? 2 * (config.plans.lockMs ?? 30_000),
    onDelivered: options.onDelivered,
    afterDelivery: (jobId, job) => checkins.companion.planDelivered(job.user, jobId, job.target),
  });
  const worker = startPlanWorker({
    connection,
    name: config.plans.queueName,
    prefix: config.plans.prefix,
    handler,
    store,
    deliverers: options.deliverers,
    logger,
    concurrency: tuning?.concurrency ?? config.plans.workerConcurrency,
    lockDuration: tuning?.lockDuration ?? config.plans.lockMs,
    stalledInterval: tuning?.stalledInterval ?? config.plans.stalledIntervalMs,
  });
  return {
    worker: worker.worker,
    checkinWorker,
    close: async () => {
      await worker.close();
      await closeWorker(checkinWorker, connection);
      await checkins.close();
      await closeRedis(connection);
      await closeRedis(storeConnection);
    },
  };
}

/**
 * Builds the plan service (and the in-process worker) for a process. With `config.redisUrl`: BullMQ on
 * Redis, shared with any `npm run worker` processes. Without: everything in this process's memory,
 * announced by one warning.
 */
export function buildPlans(options: BuildPlansOptions): PlansRuntime {
  const { config, logger } = options;
  const deliverers = options.deliverers ?? new DeliveryRegistry();
  const curriculum = options.curriculum ?? loadCurriculum(config, logger, options.knowledge());
  const source = sourceLookup(options.knowledge);
  const common = { curriculum: () => curriculum, source, dailyCap: config.plans.dailyCap, logger };

  if (!config.redisUrl) {
    logger.warn(
      {},
      'REDIS_URL is not set: study plans are queued and stored in this process only (lost on restart)',
    );
    const store: PlanStore = new MemoryPlanStore();
    const checkins = memoryCheckins({ plans: store, deliverers, logger, tuning: options.tuning?.checkins });
    const handler = createPlanJobHandler({
      curriculum: () => curriculum,
      source,
      store,
      deliverers,
      logger,
      onDelivered: options.onDelivered,
      afterDelivery: (jobId, job) => checkins.companion.planDelivered(job.user, jobId, job.target),
    });
    const queue = new MemoryPlanQueue({
      handler,
      logger,
      attempts: options.tuning?.jobSettings?.attempts,
      backoffMs: options.tuning?.jobSettings?.backoffMs,
      onFailed: (jobId, data) => handleFinalFailure(jobId, data, store, deliverers, logger),
    });
    const service = new QueuedPlanService({ ...common, store, queue });
    return {
      service,
      companion: checkins.companion,
      deliverers,
      inMemory: true,
      queueCounts: () => queue.counts(),
      close: async () => {
        await checkins.close();
        await service.close();
      },
    };
  }

  const redisConfig = { ...config, redisUrl: config.redisUrl };
  const producer = createRedisConnection(config.redisUrl, 'producer', { name: 'plans-producer', logger });
  const queue = new BullPlanQueue({
    connection: producer,
    name: config.plans.queueName,
    prefix: config.plans.prefix,
    logger,
    settings: options.tuning?.jobSettings,
  });
  const store = new RedisPlanStore(producer, { prefix: config.plans.prefix });
  const checkins = redisCompanion({
    connection: producer,
    config,
    plans: store,
    logger,
    tuning: options.tuning?.checkins,
  });
  const runWorker = options.inProcessWorker ?? config.plans.inProcessWorker;
  const worker = runWorker
    ? startRedisPlanWorker({
        config: redisConfig,
        logger,
        knowledge: options.knowledge,
        curriculum,
        deliverers,
        tuning: options.tuning,
        onDelivered: options.onDelivered,
      })
    : undefined;
  const service = new QueuedPlanService({ ...common, store, queue });
  let closing: Promise<void> | undefined;
  return {
    service,
    companion: checkins.companion,
    deliverers,
    inMemory: false,
    queueCounts: () => queue.counts(),
    close: () => {
      closing ??= (async () => {
        await worker?.close();
        await checkins.close();
        await service.close();
        await closeRedis(producer);
      })();
      return closing;
    },
  };
}
