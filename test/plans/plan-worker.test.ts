/**
 * The worker's lifecycle: `close()` waits for the job in hand, and `npm run worker` (src/worker.ts,
 * built as the project builds it) starts on REDIS_URL and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { buildPlans, loadCurriculum, startRedisPlanWorker } from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server';
import { eventually, RecordingDeliverer, ROOT, registryOf } from './helpers';

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
let redis: TestRedis;

// dist/worker.js is built once for the whole run by test/global-setup.js.
beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis.destroy();
});

const plansConfig = (name: string) => ({
  knowledgeDir: join(ROOT, 'knowledge'),
  redisUrl: redis.url,
  plans: { inProcessWorker: false, queueName: name, prefix: `{${name}}`, dailyCap: 10, workerConcurrency: 1 },
});

test('GIVEN a job in hand THEN close() waits for it to be delivered and completed', async () => {
  const runtime = buildPlans({
    config: plansConfig('close-waits'),
    logger: silentLogger,
    knowledge: () => knowledge.current,
  });
  const deliverer = new RecordingDeliverer('terminal');
  let open = () => {};
  deliverer.gate = new Promise((resolve) => {
    open = resolve;
  });
  const worker = startRedisPlanWorker({
    config: plansConfig('close-waits'),
    logger: silentLogger,
    knowledge: () => knowledge.current,
    curriculum: loadCurriculum(plansConfig('close-waits'), silentLogger, knowledge.current),
    deliverers: registryOf(deliverer),
    tuning: { lockDuration: 2000, stalledInterval: 1000 },
  });
  const inspect = new Queue('close-waits', { connection: { url: redis.url }, prefix: '{close-waits}' });
  try {
    const result = await runtime.service.request(
      { platform: 'terminal', id: 'z' },
      {},
      { platform: 'terminal', data: { userId: 'z' } },
    );
    await deliverer.waitForStarted(1);
    let closed = false;
    const closing = worker.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false);
    open();
    await closing;
    expect(deliverer.deliveries).toHaveLength(1);
    expect(await inspect.getJobState((result as { jobId: string }).jobId)).toBe('completed');
  } finally {
    await worker.close();
    await runtime.close();
    await inspect.close();
  }
});

function runWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'worker.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_PATH: join(ROOT, 'node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

test('GIVEN REDIS_URL THEN `npm run worker` starts, and SIGTERM stops it cleanly (exit 0)', async () => {
  const run = runWorker({ REDIS_URL: redis.url, PLAN_QUEUE_NAME: 'entry', LOG_LEVEL: 'info' });
  await eventually(() => run.output().includes('plan worker started'), 15_000, 'the worker to start');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.output()).toContain('finishing the jobs in hand');
});

test('GIVEN no REDIS_URL THEN the worker explains that it needs one and exits 1', async () => {
  const run = runWorker({});
  expect(await run.exited).toBe(1);
  expect(run.output()).toContain('The plan worker needs REDIS_URL');
});

test('GIVEN OPS_PORT and a Redis outage THEN the worker reports health, and SIGTERM after Redis came back still exits 0 promptly', async () => {
  const opsPort = await freePort();
  const run = runWorker({
    REDIS_URL: redis.url,
    PLAN_QUEUE_NAME: 'outage',
    OPS_PORT: String(opsPort),
    LOG_LEVEL: 'info',
  });
  await eventually(() => run.output().includes('plan worker started'), 15_000, 'the worker to start');
  expect((await fetch(`http://127.0.0.1:${opsPort}/healthz`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe(200);
  await redis.stop(true);
  await new Promise((r) => setTimeout(r, 1500));
  await redis.start();
  await new Promise((r) => setTimeout(r, 1500));
  const started = Date.now();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
}, 40_000);
