import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'bullmq';
import { buildSync } from 'esbuild';
import { Redis } from 'ioredis';
import { checkinInstant, localDate } from '../../../src/core/plans/companion/time-zones';
import type { CheckinOutcome } from '../../../src/queue/checkin-processor';
import { BullmqCheckinScheduler, startCheckinWorker } from '../../../src/queue/checkin-scheduler';
import { RedisCheckinStore } from '../../../src/stores/redis-checkin-store';
import { stopProcess } from '../../helpers/built-process';
import { useTestRedis } from '../../helpers/use-redis';
import { eventually } from '../helpers';
import { clock, jobFor, recordingDeps, stateFor, user } from './checkin-harness';

const ctx = useTestRedis({ appendonly: true });
const ROOT = join(__dirname, '../../..');
let n = 0;
const names = () => {
  n++;
  return { queueName: `checkins-${n}`, prefix: `{bm-test-${n}}` };
};
const blocking = () => new Redis(ctx.server.url, { maxRetriesPerRequest: null });

describe('BullMQ check-in schedules', () => {
  // A plan starting Monday 22 March 2027: week 2 is the first Monday of Berlin summer time.
  const future = {
    startDate: '2027-03-22',
    weekday: localDate('2027-03-22T12:00:00Z', 'UTC').weekday,
    zone: 'Europe/Berlin',
  };

  it('GIVEN a plan THEN one scheduler fires at 09:00 Berlin on week 2, across the DST change', async () => {
    const scheduler = new BullmqCheckinScheduler({ connection: blocking(), ...names() });
    await scheduler.schedule(jobFor('job-1'), future);
    const json = await scheduler.scheduleOf(user);
    expect(json).toMatchObject({ pattern: '0 9 * * 1', tz: 'Europe/Berlin' });
    expect(new Date(json!.next!).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(json!.next).toBe(checkinInstant(future, 2).getTime());
    expect(json!.template?.data?.planId).toBe('job-1');
    await scheduler.close();
  });

  it('GIVEN a new plan THEN it replaces the schedule; stopping removes it and its next job', async () => {
    const scheduler = new BullmqCheckinScheduler({ connection: blocking(), ...names() });
    await scheduler.schedule(jobFor('job-1'), future);
    await scheduler.schedule(jobFor('job-2'), { ...future, weekday: 3, zone: 'America/New_York' });
    const all = await scheduler.queue.getJobSchedulers();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ pattern: '0 9 * * 3', tz: 'America/New_York' });
    expect(all[0]?.template?.data?.planId).toBe('job-2');
    expect(await scheduler.queue.getDelayedCount()).toBe(1);
    expect(await scheduler.unschedule(user)).toBe(true);
    expect(await scheduler.scheduleOf(user)).toBeUndefined();
    expect(await scheduler.queue.getDelayedCount()).toBe(0);
    await scheduler.close();
  });

  async function firing(options: { enabled: boolean }) {
    const queue = names();
    const store = new RedisCheckinStore(ctx.redis, queue.prefix);
    await store.set(user, stateFor('job-1', { enabled: options.enabled }));
    const scheduler = new BullmqCheckinScheduler({
      connection: blocking(),
      ...queue,
      repeat: () => ({ every: 150 }),
    });
    const { deps, sent } = recordingDeps(store, async () => {});
    const outcomes: CheckinOutcome[] = [];
    const worker = startCheckinWorker({
      connection: blocking(),
      ...queue,
      deps,
      firedAt: () => checkinInstant(clock, 2),
      onOutcome: (o) => outcomes.push(o),
    });
    await scheduler.schedule(jobFor('job-1'), clock);
    return { queue, store, scheduler, worker, sent, outcomes };
  }

  it('GIVEN the scheduler fires many times in week 2 THEN the check-in is sent once', async () => {
    const { scheduler, worker, sent, outcomes } = await firing({ enabled: true });
    await eventually(() => outcomes.length >= 4);
    expect(sent.map((s) => s.week)).toEqual([2]);
    expect(outcomes.slice(1).every((o) => o.status === 'already-sent')).toBe(true);
    await worker.close();
    await scheduler.close();
  });

  it('GIVEN check-ins off THEN due jobs run and nothing is sent', async () => {
    const { scheduler, worker, sent, outcomes } = await firing({ enabled: false });
    await eventually(() => outcomes.length >= 3);
    expect(sent).toHaveLength(0);
    expect(outcomes.every((o) => o.status === 'skipped' && o.reason === 'off')).toBe(true);
    await worker.close();
    await scheduler.close();
  });

  it('GIVEN a Redis restart THEN the schedule survives and week 2 is still sent once', async () => {
    const { scheduler, worker, sent, outcomes } = await firing({ enabled: true });
    await eventually(() => sent.length === 1);
    await ctx.server.stop(true);
    await ctx.server.start();
    const before = outcomes.length;
    await eventually(() => outcomes.length >= before + 3, 20_000);
    expect(sent).toHaveLength(1);
    expect(await scheduler.scheduleOf(user)).toBeDefined();
    await worker.close();
    await scheduler.close();
  });
});

describe('a check-in across a worker SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-checkin-'));
  const bundle = join(dir, 'worker.js');
  beforeAll(() => {
    buildSync({
      entryPoints: [join(__dirname, 'fixtures/crashing-checkin-worker.ts')],
      bundle: true,
      platform: 'node',
      packages: 'external',
      outfile: bundle,
      logLevel: 'error',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['before-send', 'after-finish'])(
    'GIVEN the worker is killed %s THEN another worker completes the job and the user gets it once',
    async (crash) => {
      const queue = names();
      const outbox = join(dir, `${crash}.txt`);
      writeFileSync(outbox, '');
      const store = new RedisCheckinStore(ctx.redis, queue.prefix);
      await store.set(user, stateFor('job-1'));
      const scheduler = new BullmqCheckinScheduler({
        connection: blocking(),
        ...queue,
        repeat: () => ({ every: 200 }),
      });
      await scheduler.schedule(jobFor('job-1'), clock);
      const child = spawn(process.execPath, [bundle], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_PATH: join(ROOT, 'node_modules'),
          REDIS_URL: ctx.server.url,
          CRASH: crash,
          OUTBOX: outbox,
          QUEUE: queue.queueName,
          PREFIX: queue.prefix,
        },
        stdio: 'ignore',
      });
      const exit = await new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, s) => r(s)));
      expect(exit).toBe('SIGKILL');
      const { deps } = recordingDeps(store, async () => {});
      const outcomes: CheckinOutcome[] = [];
      const lines = () => readFileSync(outbox, 'utf8').split('\n').filter(Boolean);
      const worker: Worker = startCheckinWorker({
        connection: blocking(),
        ...queue,
        stalledInterval: 300,
        firedAt: () => checkinInstant(clock, 2),
        deps: {
          ...deps,
          lockMs: 1500,
          send: async (job, content) =>
            writeFileSync(outbox, `${job.planId} week ${content.week}\n`, { flag: 'a' }),
        },
        onOutcome: (o) => outcomes.push(o),
      });
      // The dead worker's locks expire first (job 1 s, send 1.5 s), then busy retries back off: on a
      // loaded machine this takes a while, so the wait is generous (it ends as soon as it holds).
      await eventually(() => outcomes.filter((o) => o.status === 'already-sent').length > 1, 45_000);
      expect(lines()).toEqual(['job-1 week 2']);
      await worker.close();
      await scheduler.close();
      await stopProcess(child, 'SIGKILL');
    },
    60_000,
  );
});
