/**
 * The PlanService contract, run against both implementations: BullMQ on a private redis-server, and
 * in process memory (no REDIS_URL). Same requests, same answers.
 */
import { join } from 'node:path';
import { buildPlans, type PlansRuntime } from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import type { UserRef } from '../../src/core/plans/plan-service';
import { startRedis, type TestRedis } from '../helpers/redis-server';
import { RecordingDeliverer, ROOT, registryOf } from './helpers';

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
let redis: TestRedis;
let queueNumber = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.destroy();
});

const userA: UserRef = { platform: 'terminal', id: 'alice' };
const userB: UserRef = { platform: 'terminal', id: 'bob' };
const target = (user: UserRef) => ({ platform: 'terminal', data: { userId: user.id } });

describe.each(['redis', 'memory'] as const)('PlanService on %s', (kind) => {
  let runtime: PlansRuntime;
  let deliverer: RecordingDeliverer;

  const start = (dailyCap = 5, attempts = 3) => {
    deliverer = new RecordingDeliverer('terminal');
    runtime = buildPlans({
      config: {
        knowledgeDir: join(ROOT, 'knowledge'),
        redisUrl: kind === 'redis' ? redis.url : undefined,
        plans: {
          inProcessWorker: true,
          queueName: `contract-${++queueNumber}`,
          prefix: `{bm-test-${queueNumber}}`,
          dailyCap,
          workerConcurrency: 1,
        },
      },
      logger: silentLogger,
      knowledge: () => knowledge.current,
      deliverers: registryOf(deliverer),
      onDelivered: deliverer.recorded,
      tuning: {
        lockDuration: 2000,
        stalledInterval: 1000,
        jobSettings: {
          attempts,
          backoffMs: 50,
          keepCompleted: { age: 3600, count: 100 },
          keepFailed: { age: 3600, count: 100 },
        },
      },
    });
    return runtime.service;
  };

  afterEach(async () => {
    deliverer.gate = undefined;
    await runtime.close();
  });

  test('GIVEN a valid request THEN it is queued at once and the plan is delivered once to where it was asked', async () => {
    const plans = start();
    const result = await plans.request(
      userA,
      { stack: 'I want to do Java with Spring', weeks: 8 },
      target(userA),
    );
    expect(result).toMatchObject({ status: 'queued' });
    if (result.status !== 'queued') return;
    expect(result.position).toBeLessThanOrEqual(1);
    expect(result.message).toMatch(/queued \(position 1\)|being built now/);
    await deliverer.waitFor(1);
    expect(deliverer.deliveries).toHaveLength(1);
    const { plan, jobId, target: where } = deliverer.deliveries[0]!;
    expect(jobId).toBe(result.jobId);
    expect(where).toEqual({ platform: 'terminal', data: { userId: 'alice' } });
    expect(plan.request).toMatchObject({ stack: ['java', 'spring-boot'], weeks: 8 });
    expect(await plans.show(userA)).toMatchObject({ request: plan.request, createdAt: plan.createdAt });
    expect((await plans.topicsOf(userA))[0]).toEqual({ id: 'java', title: 'Java', done: false });
    expect(await plans.show(userB)).toBeUndefined();
  });

  test('GIVEN a plan in progress THEN a second request answers with the first one and its position', async () => {
    const plans = start();
    let open = () => {};
    deliverer.gate = new Promise((resolve) => {
      open = resolve;
    });
    const first = await plans.request(userA, { stack: 'go' }, target(userA));
    await deliverer.waitForStarted(1);
    const again = await plans.request(userA, { stack: 'python' }, target(userA));
    expect(again).toEqual({
      status: 'already-queued',
      jobId: first.status === 'queued' ? first.jobId : 'missing',
      position: 0,
      message: expect.stringContaining('being built right now'),
    });
    const other = await plans.request(userB, { stack: 'ruby' }, target(userB));
    expect(other).toMatchObject({ status: 'queued', position: 1 });
    const otherAgain = await plans.request(userB, {}, target(userB));
    expect(otherAgain).toMatchObject({ status: 'already-queued', position: 1 });
    expect(otherAgain.message).toContain('position 1');
    open();
    await deliverer.waitFor(2);
    expect(deliverer.deliveries.map((d) => d.plan.request.stack)).toEqual([['go'], ['ruby']]);
  });

  test('GIVEN a plan being sent THEN plan show and plan done already work with it', async () => {
    const plans = start();
    let open = () => {};
    deliverer.gate = new Promise((resolve) => {
      open = resolve;
    });
    await plans.request(userA, { stack: 'go', weeks: 6 }, target(userA));
    await deliverer.waitForStarted(1);
    const shown = await plans.show(userA);
    expect(shown?.request).toMatchObject({ stack: ['go'], weeks: 6 });
    expect(await plans.markDone(userA, 'go')).toMatchObject({ status: 'done', topic: { id: 'go' } });
    open();
    await deliverer.waitFor(1);
    expect((await plans.show(userA))?.markdown).toContain('- [x] **Go**');
  });

  test('GIVEN the daily cap is reached THEN a further request gets a friendly over-cap message', async () => {
    const plans = start(2);
    for (let n = 1; n <= 2; n++) {
      expect(await plans.request(userA, {}, target(userA))).toMatchObject({ status: 'queued' });
      await deliverer.waitFor(n);
    }
    const third = await plans.request(userA, {}, target(userA));
    expect(third).toEqual({ status: 'over-cap', message: expect.stringContaining('the daily limit') });
    expect(await plans.request(userB, {}, target(userB))).toMatchObject({ status: 'queued' });
  });

  test('GIVEN invalid values THEN the answer says what is allowed and nothing is queued', async () => {
    const plans = start();
    const result = await plans.request(userA, { weeks: '99', stack: 'python cobol' }, target(userA));
    expect(result.status).toBe('invalid');
    expect(result.message).toContain('weeks must be a whole number from 1 to 52');
    expect(result.message).toContain('"cobol"');
    expect(await plans.request(userA, { stack: 'python' }, target(userA))).toMatchObject({
      status: 'queued',
    });
    await deliverer.waitFor(1);
    expect(deliverer.deliveries).toHaveLength(1);
  });

  test('GIVEN a plan THEN topics can be marked done, progress shows, and a new plan keeps them', async () => {
    const plans = start();
    expect(await plans.markDone(userA, 'python')).toMatchObject({ status: 'no-plan' });
    await plans.request(userA, { stack: 'python django', weeks: 12 }, target(userA));
    await deliverer.waitFor(1);
    const done = await plans.markDone(userA, 'Pyhton');
    expect(done).toMatchObject({ status: 'done', topic: { id: 'python', title: 'Python' } });
    expect(done.message).toMatch(/^Marked \*\*Python\*\* done \(1 of \d+ topics of your plan done\)\.$/);
    expect((await plans.markDone(userA, 'python')).message).toContain('already marked done');
    const unknown = await plans.markDone(userA, 'kubernetes @everyone');
    expect(unknown.status).toBe('unknown-topic');
    expect(unknown.message).not.toContain('@everyone');
    const shown = await plans.show(userA);
    expect(shown?.markdown).toContain('- [x] **Python**');
    expect((await plans.topicsOf(userA)).find((t) => t.id === 'python')?.done).toBe(true);

    await plans.request(userA, { stack: 'python django', weeks: 12 }, target(userA));
    await deliverer.waitFor(2);
    const second = deliverer.deliveries[1]!.plan;
    expect(second.completed).toEqual([{ id: 'python', title: 'Python' }]);
    expect(second.weeks.flatMap((w) => w.topics.map((t) => t.id))).not.toContain('python');
    expect((await plans.show(userA))?.createdAt).toBe(second.createdAt);
  });

  test('GIVEN delivery fails every time THEN the user is told once and may ask again', async () => {
    const plans = start(5, 2);
    deliverer.deliver = async () => {
      throw new Error('platform down');
    };
    const first = await plans.request(userA, {}, target(userA));
    expect(first.status).toBe('queued');
    await deliverer.waitFor(1);
    expect(deliverer.failures).toEqual([
      {
        target: target(userA),
        message: expect.stringContaining('could not build'),
        jobId: (first as { jobId: string }).jobId,
      },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(await plans.request(userA, {}, target(userA))).toMatchObject({ status: 'queued' });
  });

  test('the help lists the plan commands', () => {
    expect(
      start()
        .helpEntries()
        .map((h) => h.command),
    ).toEqual(['plan', 'plan show', 'plan done']);
  });
});
