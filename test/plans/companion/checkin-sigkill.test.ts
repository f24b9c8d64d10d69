/**
 * A check-in is sent exactly once as the user sees it, across a SIGKILL mid-send of the real
 * composition: the built worker (`dist/worker.js`, its plan worker and check-in worker) delivers 30
 * Slack plans (each one schedules its check-ins), then works those plans' week-2 check-ins through
 * the real `SlackPlanDeliverer` to the Slack fake and is killed with SIGKILL while sending. A second
 * worker takes over once the killed one's locks expire (short lock and stall intervals set through
 * the configuration, as PLAN_JOB_LOCK_MS and PLAN_STALLED_INTERVAL_MS would); the Slack metadata
 * lookup skips a check-in that had reached Slack. Counted from the messages the fake kept.
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SlackPlanDeliverer } from '../../../src/adapters/slack/slack-deliverer';
import { checkinQueueName } from '../../../src/app/build-checkins';
import { buildPlans, loadCurriculum, startRedisPlanWorker } from '../../../src/app/build-plans';
import { KnowledgeBase } from '../../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../../src/core/logger';
import type { CheckinJobData } from '../../../src/core/plans/companion/checkin-decision';
import type { Weekday } from '../../../src/core/plans/companion/time-zones';
import { checkinSchedulerId } from '../../../src/queue/checkin-scheduler';
import { RedisCheckinStore } from '../../../src/stores/redis-checkin-store';
import { FakeSlackApi } from '../../fakes/slack/fake-slack-api';
import { runBuilt, until } from '../../helpers/built-process';
import { startRedis, type TestRedis } from '../../helpers/redis-server';
import { ROOT, registryOf } from '../helpers';

const USERS = 30;
const LOCK_MS = 1500;
const STALLED_MS = 700;
const QUEUE = 'checkin-sigkill';
const PREFIX = `{${QUEUE}}`;

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
const curriculum = loadCurriculum({ knowledgeDir: join(ROOT, 'knowledge') }, silentLogger, knowledge.current);
const slack = new FakeSlackApi();
let redis: TestRedis;

beforeAll(async () => {
  [redis] = await Promise.all([startRedis(), slack.start()]);
  // The message exists a while before its answer arrives: a kill can fall between the two.
  slack.latencyMs = 40;
});

afterAll(async () => {
  await Promise.all([redis?.destroy(), slack.stop()]);
});

const config = () => ({
  knowledgeDir: join(ROOT, 'knowledge'),
  redisUrl: redis.url,
  plans: {
    inProcessWorker: false,
    queueName: QUEUE,
    prefix: PREFIX,
    dailyCap: 5,
    workerConcurrency: 8,
    lockMs: LOCK_MS,
    stalledIntervalMs: STALLED_MS,
  },
});

const users = Array.from({ length: USERS }, (_, i) => ({ platform: 'slack' as const, id: `U7K${i}` }));
/** The fake's DM channel of a Slack user (`conversations.open`). */
const dmOf = (id: string) => `D${id.replace(/^U/, '')}`;
/** The check-in messages the fake kept in the user's DM. */
const checkinsIn = (id: string) =>
  (slack.conversations.get(dmOf(id)) ?? []).filter((m) =>
    String(m.metadata?.event_payload?.key ?? '').startsWith('checkin:'),
  );
const checkinsSent = () => users.reduce((n, u) => n + checkinsIn(u.id).length, 0);

test('GIVEN the built worker SIGKILLed while sending check-ins THEN another worker finishes them and each user sees its check-in once', async () => {
  const worker = runBuilt(
    {
      REDIS_URL: redis.url,
      PLAN_QUEUE_NAME: QUEUE,
      PLAN_QUEUE_PREFIX: PREFIX,
      PLAN_WORKER_CONCURRENCY: '8',
      PLAN_JOB_LOCK_MS: String(LOCK_MS),
      PLAN_STALLED_INTERVAL_MS: String(STALLED_MS),
      SLACK_BOT_TOKEN: slack.validBotToken,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
    },
    'dist/worker.js',
  );
  const producer = buildPlans({ config: config(), logger: silentLogger, knowledge: () => knowledge.current });
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const store = new RedisCheckinStore(connection, PREFIX);
  const checkins = new Queue<CheckinJobData>(checkinQueueName(config()), { connection, prefix: PREFIX });
  let taker: ReturnType<typeof startRedisPlanWorker> | undefined;
  try {
    for (const user of users) {
      const result = await producer.service.request(
        user,
        { stack: 'go', weeks: 4, hoursPerWeek: 6 },
        { platform: 'slack', data: { userId: user.id } },
      );
      expect(result.status).toBe('queued');
    }
    // Each delivered plan got its check-in state and its weekly scheduler from the built worker.
    const jobs: CheckinJobData[] = [];
    const deadline = Date.now() + 30_000;
    for (const user of users) {
      for (;;) {
        const data = (await checkins.getJobScheduler(checkinSchedulerId(user)))?.template?.data;
        if (data) {
          jobs.push(data);
          break;
        }
        if (Date.now() > deadline)
          throw new Error(`no scheduler for ${user.id}; output:\n${worker.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(checkinsSent()).toBe(0);
    // A week and a day on: each plan started 8 days ago and checks in on yesterday's weekday, so week 2
    // fell yesterday at 09:00 and week 3 is six days away, whatever the time of day the test runs at.
    const DAY_MS = 86_400_000;
    const eightDaysAgo = new Date(Date.now() - 8 * DAY_MS);
    const yesterdayWeekday = (((eightDaysAgo.getUTCDay() + 6) % 7) + 1) as Weekday;
    for (const user of users) {
      const state = (await store.get(user))!;
      await store.update(user, {
        clock: {
          ...state.clock,
          zone: 'UTC',
          startDate: eightDaysAgo.toISOString().slice(0, 10),
          weekday: yesterdayWeekday,
        },
      });
    }
    await checkins.addBulk(
      jobs.map((data) => ({
        name: 'checkin',
        data,
        opts: { jobId: `week2-${data.user.id}`, attempts: 8, backoff: { type: 'exponential', delay: 500 } },
      })),
    );
    // Killed mid-send: after 1 to 15 check-ins reached Slack (their answers still on the way).
    const killAfter = 1 + Math.floor(Math.random() * 15);
    await until(
      () => checkinsSent() >= killAfter || worker.child.exitCode !== null,
      'check-ins',
      worker.output,
    );
    worker.child.kill('SIGKILL');
    await new Promise((r) => worker.child.once('exit', r));
    expect(checkinsSent()).toBeLessThan(USERS);

    taker = startRedisPlanWorker({
      config: config(),
      logger: silentLogger,
      knowledge: () => knowledge.current,
      curriculum,
      deliverers: registryOf(
        new SlackPlanDeliverer({
          botToken: slack.validBotToken,
          apiUrl: slack.apiUrl,
          logger: silentLogger,
          logLevel: 'error',
        }),
      ),
    });
    const end = Date.now() + 45_000;
    for (;;) {
      const counts = await checkins.getJobCounts('completed', 'failed');
      expect(counts.failed).toBe(0);
      if (counts.completed === USERS) break;
      if (Date.now() > end) throw new Error(`check-ins after 45 s: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const user of users) {
      const seen = checkinsIn(user.id).map((m) => m.metadata?.event_payload?.key);
      const planId = jobs.find((j) => j.user.id === user.id)!.planId;
      expect({ user: user.id, seen }).toEqual({ user: user.id, seen: [`checkin:{${planId}}:2`] });
    }
    // The kill fell mid-job: jobs the killed worker held were started again by the second one.
    const done = await checkins.getJobs(['completed']);
    expect(done.filter((j) => (j.attemptsStarted ?? 0) > 1).length).toBeGreaterThan(0);
  } finally {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await taker?.close();
    await checkins.close();
    await producer.close();
    connection.disconnect();
  }
}, 90_000);
