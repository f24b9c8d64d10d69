/**
 * Fault tests on real processes and a real redis-server: a worker process killed with SIGKILL mid-job,
 * Redis killed and restarted with AOF while jobs wait, Redis down during a request, and a malformed
 * payload. Every worker here (the child process and the test's own) uses the same short lock and
 * stalled intervals.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import {
  buildPlans,
  loadCurriculum,
  type PlansRuntime,
  startRedisPlanWorker,
} from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import type { DeliveryTarget, PlanDeliverer, UserRef } from '../../src/core/plans/plan-service';
import type { PlanWorker } from '../../src/queue/plan-worker';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server';
import { eventually, ROOT, registryOf } from './helpers';

const LOCK_MS = 2000;
const STALLED_MS = 1000;
const DELIVERY_LOCK_MS = 1500;
const JOB_SETTINGS = {
  attempts: 6,
  backoffMs: 200,
  keepCompleted: { age: 3600, count: 100 },
  keepFailed: { age: 3600, count: 100 },
};

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
let redis: TestRedis;
let events: Redis;
let buildDir: string;
let crashWorkerJs: string;
let n = 0;

beforeAll(async () => {
  redis = await startRedis({ appendonly: true });
  events = new Redis(redis.url, { maxRetriesPerRequest: null });
  buildDir = mkdtempSync(join(tmpdir(), 'bm-crash-'));
  crashWorkerJs = join(buildDir, 'crash-worker.js');
  await build({
    entryPoints: [join(__dirname, 'fixtures', 'crash-worker.ts')],
    outfile: crashWorkerJs,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
});

afterAll(async () => {
  events.disconnect();
  await redis.destroy();
  rmSync(buildDir, { recursive: true, force: true });
});

/** A fresh queue name and prefix, the plan service (no worker) and an inspection queue. */
function setup(): { name: string; prefix: string; runtime: PlansRuntime; inspect: Queue } {
  n++;
  const name = `faults-${n}`;
  const prefix = `{bm-faults-${n}}`;
  const config = {
    knowledgeDir: join(ROOT, 'knowledge'),
    redisUrl: redis.url,
    plans: { inProcessWorker: false, queueName: name, prefix, dailyCap: 100, workerConcurrency: 1 },
  };
  const runtime = buildPlans({
    config,
    logger: silentLogger,
    knowledge: () => knowledge.current,
    tuning: { jobSettings: JOB_SETTINGS },
  });
  const inspect = new Queue(name, { connection: { url: redis.url }, prefix });
  return { name, prefix, runtime, inspect };
}

/** A deliverer that records deliveries in the Redis list the crashed child also writes to. */
const recordingDeliverer: PlanDeliverer = {
  platform: 'terminal',
  async deliver(_target: DeliveryTarget, _plan, jobId: string) {
    await events.rpush('deliveries', jobId);
  },
};

function startTestWorker(name: string, prefix: string): PlanWorker {
  return startRedisPlanWorker({
    config: {
      knowledgeDir: join(ROOT, 'knowledge'),
      redisUrl: redis.url,
      plans: { inProcessWorker: true, queueName: name, prefix, dailyCap: 100, workerConcurrency: 2 },
    },
    logger: silentLogger,
    knowledge: () => knowledge.current,
    curriculum: loadCurriculum({ knowledgeDir: join(ROOT, 'knowledge') }, silentLogger, knowledge.current),
    deliverers: registryOf(recordingDeliverer),
    tuning: { lockDuration: LOCK_MS, stalledInterval: STALLED_MS, deliveryLockMs: DELIVERY_LOCK_MS },
  });
}

function spawnCrashWorker(
  name: string,
  prefix: string,
  mode: 'before-delivery' | 'after-delivery',
): ChildProcess {
  const child = spawn(process.execPath, [crashWorkerJs], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_PATH: join(ROOT, 'node_modules'),
      REDIS_URL: redis.url,
      QUEUE: name,
      PREFIX: prefix,
      CRASH_MODE: mode,
      LOCK_MS: String(LOCK_MS),
      STALLED_MS: String(STALLED_MS),
      DELIVERY_LOCK_MS: String(DELIVERY_LOCK_MS),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** Waits for the next crash event (BLPOP), failing after `seconds`. */
async function nextEvent(seconds = 15): Promise<string> {
  const popped = await events.blpop('crash:events', seconds);
  if (!popped) throw new Error('no event from the crash worker');
  return popped[1];
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const user = (id: string): UserRef => ({ platform: 'terminal', id });
const target = (id: string) => ({ platform: 'terminal', data: { userId: id } });

describe('a worker process killed with SIGKILL mid-job', () => {
  beforeEach(async () => {
    await events.del('crash:events', 'deliveries');
  });

  test.each(['before-delivery', 'after-delivery'] as const)(
    'GIVEN the kill comes %s THEN after recovery the plan is delivered exactly once',
    async (mode) => {
      const { name, prefix, runtime, inspect } = setup();
      const child = spawnCrashWorker(name, prefix, mode);
      let worker: PlanWorker | undefined;
      try {
        expect(await nextEvent()).toBe('ready');
        const result = await runtime.service.request(user('kim'), { stack: 'go' }, target('kim'));
        expect(result.status).toBe('queued');
        const jobId = (result as { jobId: string }).jobId;
        expect(await nextEvent()).toBe(`started ${jobId}`);
        if (mode === 'after-delivery') expect(await nextEvent()).toBe(`delivered ${jobId}`);
        await kill(child);
        expect(await inspect.getJobState(jobId)).toBe('active');

        worker = startTestWorker(name, prefix);
        await eventually(
          async () => (await inspect.getJobState(jobId)) === 'completed',
          20_000,
          'job completed',
        );
        expect(await events.lrange('deliveries', 0, -1)).toEqual([jobId]);
        expect((await runtime.service.show(user('kim')))?.request.stack).toEqual(['go']);
        // The slot is free again: the user may ask for another plan.
        expect(await runtime.service.request(user('kim'), {}, target('kim'))).toMatchObject({
          status: 'queued',
        });
      } finally {
        await kill(child);
        await worker?.close();
        await runtime.close();
        await inspect.close();
      }
    },
    40_000,
  );
});

describe('Redis restarted with AOF on while jobs wait', () => {
  test('GIVEN queued jobs and a Redis crash THEN none is lost, each is delivered once; requests meanwhile fail fast', async () => {
    await events.del('deliveries');
    const { name, prefix, runtime, inspect } = setup();
    let worker: PlanWorker | undefined;
    try {
      const ids: string[] = [];
      for (const id of ['u1', 'u2', 'u3', 'u4', 'u5']) {
        const result = await runtime.service.request(user(id), { stack: 'python' }, target(id));
        expect(result).toMatchObject({ status: 'queued', position: ids.length + 1 });
        ids.push((result as { jobId: string }).jobId);
      }
      await redis.stop(true);
      const during = await Promise.race([
        runtime.service.request(user('u6'), {}, target('u6')),
        new Promise((resolve) => setTimeout(() => resolve('no answer within 3 s'), 3000)),
      ]);
      expect(during).toEqual({
        status: 'unavailable',
        message: 'The plan queue is unavailable, try again shortly.',
      });

      await redis.start();
      expect(await inspect.getWaitingCount()).toBe(5);
      worker = startTestWorker(name, prefix);
      await eventually(async () => (await inspect.getCompletedCount()) === 5, 15_000, 'five completed jobs');
      expect((await events.lrange('deliveries', 0, -1)).sort()).toEqual([...ids].sort());
      await eventually(
        async () => (await runtime.service.request(user('u6'), {}, target('u6'))).status === 'queued',
        10_000,
        'the producer to reconnect',
      );
    } finally {
      await worker?.close();
      await runtime.close();
      await inspect.close();
    }
  }, 40_000);
});

describe('Redis not running when the bot starts', () => {
  test('GIVEN no Redis at all THEN a request is answered "unavailable" inside a platform\'s 3 s window', async () => {
    const port = await freePort();
    const runtime = buildPlans({
      config: {
        knowledgeDir: join(ROOT, 'knowledge'),
        redisUrl: `redis://127.0.0.1:${port}`,
        plans: {
          inProcessWorker: false,
          queueName: 'nowhere',
          prefix: '{nowhere}',
          dailyCap: 5,
          workerConcurrency: 1,
        },
      },
      logger: silentLogger,
      knowledge: () => knowledge.current,
    });
    try {
      const answer = await Promise.race([
        runtime.service.request(user('v'), {}, target('v')),
        new Promise((resolve) => setTimeout(() => resolve('no answer within 3 s'), 3000)),
      ]);
      expect(answer).toEqual({
        status: 'unavailable',
        message: 'The plan queue is unavailable, try again shortly.',
      });
      await expect(runtime.service.show(user('v'))).rejects.toMatchObject({ id: 'plans.unavailable' });
    } finally {
      await runtime.close();
    }
  });
});

describe('an invalid payload', () => {
  test('GIVEN malformed job data THEN the job fails once, without retries', async () => {
    const { name, prefix, runtime, inspect } = setup();
    const worker = startTestWorker(name, prefix);
    try {
      const job = await inspect.add(
        'plan',
        { v: 1, user: { platform: 'terminal', id: 'x' }, weeks: 'lots' } as never,
        {
          attempts: 5,
          backoff: { type: 'fixed', delay: 10 },
        },
      );
      await eventually(async () => (await inspect.getJobState(job.id!)) === 'failed', 10_000, 'job failed');
      const failed = await inspect.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/^invalid plan job payload: /);
    } finally {
      await worker.close();
      await runtime.close();
      await inspect.close();
    }
  });
});
