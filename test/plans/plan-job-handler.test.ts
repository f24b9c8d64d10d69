import { silentLogger } from '../../src/core/logger';
import { UnrecoverableJobError } from '../../src/core/plans/job-errors';
import { MemoryPlanStore } from '../../src/core/plans/memory-plan-store';
import type { PlanJobData } from '../../src/core/plans/plan-job';
import { createPlanJobHandler } from '../../src/core/plans/plan-job-handler';
import { processPlanJob } from '../../src/core/plans/plan-processor';
import { loadFixtures, RecordingDeliverer, registryOf, TARGET_SCHEMAS } from './helpers';

const { curriculum, source } = loadFixtures();
const context = { curriculum, source, targetSchemas: (platform: string) => TARGET_SCHEMAS[platform] };
const job: PlanJobData = {
  v: 1,
  user: { platform: 'terminal', id: 'ann' },
  target: { platform: 'terminal', data: { userId: 'ann' } },
  request: { stack: ['go'], weeks: 6, hoursPerWeek: 8, known: [], notes: [] },
  done: ['git'],
  requestedAt: '2025-05-05T05:05:05.000Z',
};

describe('processPlanJob (the pure processor)', () => {
  test('GIVEN a valid payload THEN the same plan every time, dated when it was asked for', () => {
    const a = processPlanJob(job, context);
    const b = processPlanJob(structuredClone(job), context);
    expect(a.plan).toEqual(b.plan);
    expect(a.plan.createdAt).toBe(job.requestedAt);
    expect(a.plan.completed).toEqual([{ id: 'git', title: 'Git and code review' }]);
  });

  test.each([
    [{ ...job, v: 2 }, /^invalid plan job payload: v: /],
    [{ ...job, request: { ...job.request, weeks: 0 } }, /request\.weeks/],
    [{ ...job, request: { ...job.request, stack: ['cobol'] } }, /unknown topics cobol/],
    [{ ...job, target: { platform: 'irc', data: { userId: 'x' } } }, /target\.platform/],
    [{ ...job, target: { platform: 'terminal', userId: 'ann' } }, /target\.data/],
    [{ ...job, target: { platform: 'discord', data: { userId: 'U1' } } }, /target\.data\.applicationId/],
    [
      { ...job, target: { platform: 'slack', data: { userId: 'U1', threadTs: 7 } } },
      /target\.data\.threadTs/,
    ],
    ['not an object', /invalid plan job payload/],
  ])('GIVEN a malformed payload THEN an unrecoverable error (no retry)', (data, message) => {
    let thrown: unknown;
    try {
      processPlanJob(data, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnrecoverableJobError);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('createPlanJobHandler (delivery once)', () => {
  const setup = () => {
    const store = new MemoryPlanStore();
    const deliverer = new RecordingDeliverer('terminal');
    const handler = createPlanJobHandler({
      curriculum: () => curriculum,
      source,
      store,
      deliverers: registryOf(deliverer),
      logger: silentLogger,
    });
    return { store, deliverer, handler };
  };

  test('GIVEN a retried job run twice at once THEN one run delivers and the other backs off; a later run sends nothing', async () => {
    const { deliverer, handler } = setup();
    let open = () => {};
    deliverer.gate = new Promise((resolve) => {
      open = resolve;
    });
    const first = handler('job-1', job, 2);
    await deliverer.waitForStarted(1);
    await expect(handler('job-1', job, 3)).rejects.toThrow('plan delivery in progress in another worker');
    open();
    await expect(first).resolves.toBe('delivered');
    await expect(handler('job-1', job, 4)).resolves.toBe('already-delivered');
    expect(deliverer.deliveries).toHaveLength(1);
  });

  test('GIVEN a first run that delivered THEN a retry of the same job sends nothing', async () => {
    const { deliverer, handler } = setup();
    await expect(handler('job-9', job, 1)).resolves.toBe('delivered');
    await expect(handler('job-9', job, 2)).resolves.toBe('already-delivered');
    expect(deliverer.deliveries).toHaveLength(1);
  });

  test('GIVEN a delivery that fails THEN the lock is released and a retry delivers', async () => {
    const { deliverer, handler } = setup();
    const deliver = deliverer.deliver.bind(deliverer);
    let calls = 0;
    deliverer.deliver = async (...args) => {
      if (++calls === 1) throw new Error('platform hiccup');
      return deliver(...args);
    };
    await expect(handler('job-2', job, 1)).rejects.toThrow('platform hiccup');
    await expect(handler('job-2', job, 2)).resolves.toBe('delivered');
    expect(deliverer.deliveries).toHaveLength(1);
    // A retry may follow a partial send: the deliverer is told to look before sending again.
    expect(deliverer.deliveries[0]!.resend).toBe(true);
  });

  test('GIVEN a first run THEN the deliverer is not asked to look for an earlier send', async () => {
    const { deliverer, handler } = setup();
    await handler('job-6', job, 1);
    expect(deliverer.deliveries.map((d) => d.resend)).toEqual([false]);
  });

  test('GIVEN no deliverer for the platform in this process THEN it throws (another process retries it)', async () => {
    const { handler, store } = setup();
    const slack = { ...job, target: { platform: 'slack', data: { userId: 'U1' } } };
    await expect(handler('job-3', slack, 1)).rejects.toThrow('no slack deliverer in this process');
    expect(await store.latestPlan(job.user)).toBeUndefined();
  });

  test("GIVEN a delivered job THEN the plan is saved as the user's latest and the slot freed", async () => {
    const { handler, store } = setup();
    expect(await store.claim(job.user, 'job-4', 5, '2025-05-05', 0)).toMatchObject({ status: 'claimed' });
    await handler('job-4', job, 1);
    expect((await store.latestPlan(job.user))?.createdAt).toBe(job.requestedAt);
    expect(await store.claim(job.user, 'job-5', 5, '2025-05-05', 0)).toMatchObject({ status: 'claimed' });
  });
});
