import Redis from 'ioredis';
import { RedisDeduper } from '../../src/adapters/slack/event-dedupe';
import { startRedis, type TestRedis, whenReady } from '../helpers/redis-server';
import { recordingLogger, SlackHarness } from './helpers/slack-harness';

let redis: TestRedis;
const clients: Redis[] = [];
const harnesses: SlackHarness[] = [];

function client(): Redis {
  const c = new Redis(redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 200,
  });
  c.on('error', () => {});
  clients.push(c);
  return c;
}

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    const c = client();
    await whenReady(c);
    harnesses.push(
      await new SlackHarness({
        dedupe: new RedisDeduper(c, recordingLogger(), `test:${process.pid}:`),
      }).start(),
    );
  }
});
afterAll(async () => {
  for (const h of harnesses) await h.stop();
  for (const c of clients) c.disconnect();
  await redis.destroy();
});

const postsEverywhere = () => harnesses.flatMap((h) => h.fake.callsOf('chat.postMessage'));

test('GIVEN two HTTP-mode processes sharing Redis WHEN Slack retries an event on the other one THEN it is answered once', async () => {
  const [a, b] = harnesses as [SlackHarness, SlackHarness];
  const event = {
    type: 'app_mention',
    user: 'U0001',
    text: '<@UBOT> what is Go?',
    ts: '1700001000.000100',
    channel: 'C0001',
  };
  await a.event(event, 'EvSHARED1');
  await a.fake.waitForCalls('chat.postMessage');
  const retry = await b.event(event, 'EvSHARED1', {
    'x-slack-retry-num': '1',
    'x-slack-retry-reason': 'http_timeout',
  });
  expect(retry.status).toBe(200);
  await new Promise((r) => setTimeout(r, 300));
  expect(postsEverywhere()).toHaveLength(1);
});

test('GIVEN a mention arriving as app_mention on one process and as message on the other THEN one answer', async () => {
  const [a, b] = harnesses as [SlackHarness, SlackHarness];
  const text = '<@UBOT> what databases should I learn?';
  const ts = '1700001001.000100';
  const before = postsEverywhere().length;
  await Promise.all([
    a.event({ type: 'app_mention', user: 'U0001', text, ts, channel: 'C0002' }),
    b.event({ type: 'message', channel_type: 'channel', user: 'U0001', text, ts, channel: 'C0002' }),
  ]);
  await new Promise((r) => setTimeout(r, 300));
  expect(postsEverywhere().length - before).toBe(1);
});

test('GIVEN Redis is down THEN questions are still answered (memory fallback) and the outage is logged', async () => {
  const logger = recordingLogger();
  const c = client();
  await whenReady(c);
  const deduper = new RedisDeduper(c, logger, 'test:down:');
  await redis.stop();
  try {
    expect(await deduper.claim('event:X')).toBe(true);
    expect(await deduper.claim('event:X')).toBe(false);
    expect(logger.lines.some((l) => l.level === 'warn' && /Redis unavailable/.test(l.msg ?? ''))).toBe(true);
  } finally {
    await redis.start();
  }
});
