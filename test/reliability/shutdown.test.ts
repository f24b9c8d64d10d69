/**
 * Shutdown when Redis never answers: the built bot and the built worker, told SIGTERM while Redis
 * refuses their password or is unreachable, exit 0 inside their 10 s bound (past it they exit 1: the
 * code says whether the bound held). With Redis up, `test/plans/plan-worker.test.ts` and the bot's
 * own tests stop them the same way. Each case runs its processes side by side.
 */
import Redis from 'ioredis';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { runBuilt, stopProcess, until } from '../helpers/built-process';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server';

let locked: TestRedis;
const slack = new FakeSlackApi();

beforeAll(async () => {
  [locked] = await Promise.all([startRedis(), slack.start()]);
  const admin = new Redis(locked.url);
  await admin.config('SET', 'requirepass', 'right-password');
  admin.disconnect();
});

afterAll(async () => {
  await Promise.all([locked.destroy(), slack.stop()]);
});

async function bot(redisUrl: string) {
  return runBuilt({
    REDIS_URL: redisUrl,
    SLACK_BOT_TOKEN: slack.validBotToken,
    SLACK_SIGNING_SECRET: 'a-test-signing-secret',
    PORT: String(await freePort()),
    SLACK_API_URL: slack.apiUrl,
  });
}

const worker = (redisUrl: string) =>
  runBuilt(
    { REDIS_URL: redisUrl, SLACK_BOT_TOKEN: slack.validBotToken, SLACK_API_URL: slack.apiUrl },
    'dist/worker.js',
  );

async function stopsCleanly(processes: ReturnType<typeof runBuilt>[], started: RegExp[]) {
  await Promise.all(
    processes.map((p, i) => until(() => started[i]!.test(p.output()), `${started[i]}`, p.output, 30_000)),
  );
  // Let the connections try (and fail) for a moment, as they would in production.
  await new Promise((r) => setTimeout(r, 1500));
  const codes = await Promise.all(processes.map((p) => stopProcess(p.child)));
  expect({
    codes,
    output: codes.some((c) => c !== 0) ? processes.map((p) => p.output()).join('\n') : '',
  }).toEqual({
    codes: processes.map(() => 0),
    output: '',
  });
}

const cases: [string, () => string][] = [
  ['a wrong Redis password', () => `redis://:wrong-password@127.0.0.1:${locked.port}`],
  ['Redis unreachable', () => `redis://127.0.0.1:${unreachablePort}`],
];
let unreachablePort = 0;
beforeAll(async () => {
  unreachablePort = await freePort();
});

test.each(cases)(
  'GIVEN %s THEN SIGTERM stops the bot and the worker with exit code 0 inside the bound',
  async (_, url) => {
    await stopsCleanly(
      [await bot(url()), worker(url())],
      [/"ready"|adapter started|listening/, /plan worker started/],
    );
  },
  60_000,
);
