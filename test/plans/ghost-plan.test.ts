/**
 * "Unavailable, try again shortly" is true: a request whose Redis step answers after the deadline
 * never becomes a plan later and is not counted against the daily cap. Against a real redis-server
 * frozen with SIGSTOP while the request is on its way, and with a queue whose `add` lands late.
 */
import { join } from 'node:path';
import { buildPlans, loadCurriculum, startRedisPlanWorker } from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { MemoryPlanStore } from '../../src/core/plans/memory-plan-store';
import { createPlanJobHandler } from '../../src/core/plans/plan-job-handler';
import type { PlanJobQueue } from '../../src/core/plans/plan-job-queue';
import type { UserRef } from '../../src/core/plans/plan-service';
import { QueuedPlanService } from '../../src/core/plans/queued-plan-service';
import { startRedis, type TestRedis } from '../helpers/redis-server';
import { loadFixtures, RecordingDeliverer, ROOT, registryOf } from './helpers';

const target = (user: UserRef) => ({ platform: 'terminal', data: { userId: user.id } });
const input = { stack: 'go', weeks: 4, hoursPerWeek: 6 };

describe('a request answered "unavailable" stays unanswered', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.destroy();
  });

  test('GIVEN Redis frozen while a plan is requested THEN "unavailable", no plan after Redis wakes, and the cap is untouched', async () => {
    const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
    const config = {
      knowledgeDir: join(ROOT, 'knowledge'),
      redisUrl: redis.url,
      plans: {
        inProcessWorker: false,
        queueName: 'ghost',
        prefix: '{ghost}',
        dailyCap: 1,
        workerConcurrency: 4,
      },
    };
    const runtime = buildPlans({ config, logger: silentLogger, knowledge: () => knowledge.current });
    const deliverer = new RecordingDeliverer('terminal');
    const worker = startRedisPlanWorker({
      config,
      logger: silentLogger,
      knowledge: () => knowledge.current,
      curriculum: loadCurriculum(config, silentLogger, knowledge.current),
      deliverers: registryOf(deliverer),
      onDelivered: deliverer.recorded,
      tuning: { lockDuration: 2000, stalledInterval: 1000 },
    });
    const user: UserRef = { platform: 'terminal', id: 'ghost' };
    try {
      // The connections are up; then Redis stops answering.
      expect(await runtime.service.show(user)).toBeUndefined();
      redis.pause();
      const answer = await runtime.service.request(user, input, target(user));
      expect(answer.status).toBe('unavailable');
      redis.resume();
      // Whatever was waiting in Redis runs now; a ghost plan would be delivered within this time.
      await new Promise((r) => setTimeout(r, 2500));
      expect(deliverer.deliveries).toEqual([]);
      expect(await runtime.service.show(user)).toBeUndefined();
      // The daily cap is 1: the abandoned request did not use it.
      const again = await runtime.service.request(user, input, target(user));
      expect(again.status).toBe('queued');
      await deliverer.waitFor(1);
      expect(deliverer.deliveries.map((d) => d.jobId)).toEqual([(again as { jobId: string }).jobId]);
    } finally {
      redis.resume();
      await worker.close();
      await runtime.close();
    }
  }, 30_000);
});

test('GIVEN a job that reaches the queue after the deadline THEN its worker run delivers nothing and the slot is free', async () => {
  const { curriculum, source } = loadFixtures();
  const store = new MemoryPlanStore();
  const added: { jobId: string; data: unknown }[] = [];
  let land = () => {};
  const late = new Promise<void>((resolve) => {
    land = resolve;
  });
  const queue: PlanJobQueue = {
    isAvailable: () => true,
    whenReady: async () => {},
    add: async (jobId, data) => {
      added.push({ jobId, data });
      await late;
      return 1;
    },
    position: async () => 1,
    counts: async () => ({}),
    close: async () => {},
  };
  const service = new QueuedPlanService({
    curriculum: () => curriculum,
    store,
    queue,
    dailyCap: 1,
    logger: silentLogger,
    deadlineMs: 50,
  });
  const user: UserRef = { platform: 'terminal', id: 'late' };
  expect((await service.request(user, input, target(user))).status).toBe('unavailable');
  land();
  const deliverer = new RecordingDeliverer('terminal');
  const handler = createPlanJobHandler({
    curriculum: () => curriculum,
    source,
    store,
    deliverers: registryOf(deliverer),
    logger: silentLogger,
  });
  expect(added).toHaveLength(1);
  await expect(handler(added[0]!.jobId, added[0]!.data, 1)).resolves.toBe('cancelled');
  expect(deliverer.deliveries).toEqual([]);
  expect(await store.latestPlan(user)).toBeUndefined();
  // Not counted: the cap of 1 still lets the next request in.
  expect(await store.claim(user, 'next', 1, new Date().toISOString().slice(0, 10), Date.now())).toMatchObject(
    {
      status: 'claimed',
    },
  );
});
