import { get } from 'node:http';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { buildStores } from '../../src/app/build-stores';
import { Metrics } from '../../src/ops/metrics';
import { OpsServer } from '../../src/ops/ops-server';
import { closeRedis, createRedisConnection } from '../../src/queue/redis-connection';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { runBuilt, stopProcess, until } from '../helpers/built-process';
import { recordingLogger } from '../helpers/recording-logger';
import { freePort, startRedis, type TestRedis, whenReady } from '../helpers/redis-server';

function getJson(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', reject);
  });
}

// Installed before anything routes BullMQ's warnings, so the route wraps it: it sees what reaches the console.
const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => {});
afterAll(() => consoleWarn.mockRestore());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a Redis that would lose data', () => {
  let server: TestRedis;
  let admin: Redis;
  beforeAll(async () => {
    server = await startRedis();
    admin = new Redis(server.url);
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
  });
  afterAll(async () => {
    admin.disconnect();
    await server.destroy();
  });

  test('GIVEN maxmemory-policy allkeys-lru THEN an error line names it and /readyz answers 503 naming redis-eviction-policy', async () => {
    const logger = recordingLogger();
    const stores = buildStores({ redisUrl: server.url, questionRateLimit: 5, keyPrefix: 'evict' }, logger);
    const ops = new OpsServer({
      port: 0,
      host: '127.0.0.1',
      metrics: new Metrics(),
      checks: stores.checks,
      logger,
    });
    const port = await ops.start();
    try {
      await until(
        () => logger.lines.some((l) => l.level === 'error'),
        'the eviction error',
        () => '',
      );
      const error = logger.lines.find((l) => l.level === 'error')!;
      expect(error.obj).toMatchObject({ check: 'redis-eviction-policy', maxmemoryPolicy: 'allkeys-lru' });
      expect(error.msg).toContain('allkeys-lru');
      const ready = await getJson(port, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toEqual({ redis: true, 'redis-eviction-policy': false });

      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      expect((await getJson(port, '/readyz')).status).toBe(200);
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await ops.stop();
      await stores.close();
    }
  });

  test("GIVEN BullMQ's own eviction warning THEN it goes through the project's logger, not the console", async () => {
    const logger = recordingLogger();
    const connection = createRedisConnection(server.url, 'blocking', { name: 'bullmq-warn', logger });
    const queue = new Queue('warn-test', { connection });
    try {
      await queue.waitUntilReady();
      await until(
        () =>
          logger.lines.some(
            (l) => l.obj.source === 'bullmq' && /Eviction policy is allkeys-lru/.test(l.msg ?? ''),
          ),
        "BullMQ's warning",
        () => JSON.stringify(logger.lines),
      );
      expect(consoleWarn.mock.calls.flat().join(' ')).not.toContain('Eviction policy');
    } finally {
      await queue.close();
      await closeRedis(connection);
    }
  });

  test('GIVEN the built worker on it, with a Slack bot token and no signing secret THEN it starts, reports the policy in a JSON line and /readyz, and exits 0 on SIGTERM', async () => {
    const opsPort = await freePort();
    const worker = runBuilt(
      {
        REDIS_URL: server.url,
        OPS_PORT: String(opsPort),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
      'dist/worker.js',
    );
    try {
      await until(
        () => /"check":"redis-eviction-policy"/.test(worker.output()),
        'the eviction line',
        worker.output,
      );
      const line = worker
        .output()
        .split('\n')
        .find((l) => l.includes('"check":"redis-eviction-policy"'))!;
      expect(JSON.parse(line)).toMatchObject({ level: 50, maxmemoryPolicy: 'allkeys-lru' });
      await until(() => /ops server listening/.test(worker.output()), 'the ops server', worker.output);
      const ready = await getJson(opsPort, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toMatchObject({ 'redis-eviction-policy': false });
    } finally {
      expect(await stopProcess(worker.child)).toBe(0);
    }
  });
});

describe('Redis connection errors', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(() => server.destroy());

  test('GIVEN a 3-second outage THEN one warning when it starts and one line with the error count when it ends', async () => {
    const logger = recordingLogger();
    const redis = createRedisConnection(server.url, 'producer', { name: 'outage', logger });
    try {
      await whenReady(redis);
      await server.stop(true);
      await sleep(3000);
      await server.start();
      await until(
        () => logger.lines.some((l) => l.msg === 'redis connection restored'),
        'restored',
        () => '',
      );
      expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
      const restored = logger.lines.find((l) => l.msg === 'redis connection restored')!;
      expect(restored.obj.errors).toBeGreaterThan(1);
      expect(restored.obj.downMs).toBeGreaterThanOrEqual(2500);
    } finally {
      await closeRedis(redis);
    }
  });

  test('GIVEN a wrong password THEN the built bot logs it once per connection, not at every attempt, and /readyz says 503', async () => {
    const admin = new Redis(server.url);
    await admin.config('SET', 'requirepass', 'right-password');
    admin.disconnect();
    const slack = new FakeSlackApi();
    await slack.start();
    const wrong = `redis://:wrong-password@127.0.0.1:${server.port}`;
    const opsPort = await freePort();
    const bot = runBuilt({
      REDIS_URL: wrong,
      OPS_PORT: String(opsPort),
      SLACK_BOT_TOKEN: slack.validBotToken,
      SLACK_SIGNING_SECRET: 'a-test-signing-secret',
      PORT: String(await freePort()),
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await until(() => /ops server listening/.test(bot.output()), 'the ops server', bot.output);
      await sleep(3000);
      const redisLines = bot
        .output()
        .split('\n')
        .filter((l) => /WRONGPASS/.test(l));
      expect(redisLines.length).toBeGreaterThan(0);
      // One line per connection (stores, plan producer, plan worker and its store), not 4 a second.
      expect(redisLines.length).toBeLessThanOrEqual(4);
      expect(bot.output()).not.toContain('wrong-password');
      expect((await getJson(opsPort, '/readyz')).status).toBe(503);
    } finally {
      await stopProcess(bot.child, 'SIGKILL');
      await slack.stop();
      const fix = new Redis(`redis://:right-password@127.0.0.1:${server.port}`);
      await fix.config('SET', 'requirepass', '');
      fix.disconnect();
    }
  });
});
