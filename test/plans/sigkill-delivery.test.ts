/**
 * Exactly once as the user sees it, across a SIGKILL mid-send: the built worker (`dist/worker.js`)
 * delivers 40 plans (Discord DMs, Slack DMs and Slack threads, some plans several messages long)
 * through the real discord.js REST client and Slack Web API client to the fakes, and is killed with
 * SIGKILL at a random moment while sending. A second worker takes the jobs over (BullMQ's stalled-job
 * check, short intervals set through the configuration). Counted from the messages the fakes kept:
 * every plan complete, none twice. Five runs go side by side (each on its own queue).
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DiscordPlanDeliverer } from '../../src/adapters/discord/plans/discord-deliverer';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { renderPlan as discordPlan } from '../../src/adapters/discord/render/plan-messages';
import { renderPlan as slackPlan } from '../../src/adapters/slack/render/plan-message';
import { SlackPlanDeliverer } from '../../src/adapters/slack/slack-deliverer';
import { buildPlans, loadCurriculum, startRedisPlanWorker } from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import type { DeliveryTarget, UserRef } from '../../src/core/plans/plan-service';
import { FakeDiscord } from '../fakes/discord/fake-discord';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { runBuilt, until } from '../helpers/built-process';
import { startRedis, type TestRedis } from '../helpers/redis-server';
import { ROOT, registryOf } from './helpers';

const RUNS = 10;
const PLANS = 40;
const SIDE_BY_SIDE = 5;
const LOCK_MS = 2500;
const STALLED_MS = 1000;

const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
const curriculum = loadCurriculum({ knowledgeDir: join(ROOT, 'knowledge') }, silentLogger, knowledge.current);
let redis: TestRedis;
let discord: FakeDiscord;
const slack = new FakeSlackApi();

beforeAll(async () => {
  [redis, discord] = await Promise.all([startRedis(), FakeDiscord.start(), slack.start()]);
  // Answers arrive a little after the message exists: a kill can fall between the two.
  discord.latencyMs = 15;
  slack.latencyMs = 15;
});

afterAll(async () => {
  await Promise.all([redis?.destroy(), discord?.close(), slack.stop()]);
});

const config = (queue: string) => ({
  knowledgeDir: join(ROOT, 'knowledge'),
  redisUrl: redis.url,
  plans: {
    inProcessWorker: false,
    queueName: queue,
    prefix: `{${queue}}`,
    dailyCap: 5,
    workerConcurrency: 8,
    lockMs: LOCK_MS,
    stalledIntervalMs: STALLED_MS,
  },
});

interface Asked {
  user: UserRef;
  target: DeliveryTarget;
  /** Where its messages end up in the fakes. */
  place: () => string | undefined;
  platform: 'discord' | 'slack';
}

/** The 40 requests of run `run`: Discord DMs, Slack DMs and Slack threads; every fourth plan is long. */
function requests(run: number): Asked[] {
  return Array.from({ length: PLANS }, (_, i) => {
    if (i % 2 === 0) {
      const id = `9${String(run).padStart(2, '0')}${String(i).padStart(4, '0')}`;
      return {
        user: { platform: 'discord', id },
        target: { platform: 'discord', data: { userId: id, applicationId: discord.appId } },
        place: () => discord.dmChannelOf(id),
        platform: 'discord',
      };
    }
    const id = `U${run}X${i}`;
    const thread = i % 4 === 1;
    const channel = thread ? `C${run}X${i}` : `D${run}X${i}`;
    return {
      user: { platform: 'slack', id },
      target: {
        platform: 'slack',
        data: thread ? { userId: id, channelId: channel, threadTs: '1700000000.000100' } : { userId: id },
      },
      place: () => channel,
      platform: 'slack',
    };
  });
}

const sends = (asked: Asked[]) =>
  asked.reduce((n, a) => {
    const place = a.place();
    if (!place) return n;
    if (a.platform === 'slack')
      return n + slack.callsOf('chat.postMessage').filter((c) => c.args.channel === place).length;
    return n + discord.requestsTo(`/channels/${place}/messages`).length;
  }, 0);

/** The built worker (`dist/worker.js`) on queue `queue`, delivering to the fakes. */
function startWorker(queue: string) {
  return runBuilt(
    {
      REDIS_URL: redis.url,
      PLAN_QUEUE_NAME: queue,
      PLAN_QUEUE_PREFIX: `{${queue}}`,
      PLAN_WORKER_CONCURRENCY: '8',
      PLAN_JOB_LOCK_MS: String(LOCK_MS),
      PLAN_STALLED_INTERVAL_MS: String(STALLED_MS),
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: slack.validBotToken,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
    },
    'dist/worker.js',
  );
}

/** One run: queue 40 plans, kill the built worker mid-send, let another worker finish; the counts. */
async function run(index: number): Promise<{ duplicates: number; lost: number; takenOver: number }> {
  const queue = `sigkill-${index}`;
  const producer = buildPlans({
    config: config(queue),
    logger: silentLogger,
    knowledge: () => knowledge.current,
  });
  const asked = requests(index);
  for (const [i, a] of asked.entries()) {
    const result = await producer.service.request(
      a.user,
      { stack: 'go', weeks: i % 4 === 0 ? 40 : 4, hoursPerWeek: 6 },
      a.target,
    );
    expect(result.status).toBe('queued');
  }
  const worker = startWorker(queue);
  // A random moment while it sends: after 1 to 40 messages, and up to 20 ms more.
  const killAfter = 1 + Math.floor(Math.random() * 40);
  try {
    await until(
      () => sends(asked) >= killAfter || worker.child.exitCode !== null,
      'the worker to send',
      worker.output,
      // Five built workers start side by side: on a loaded 2-core machine a start alone took over 30 s.
      90_000,
    );
  } catch (error) {
    // A failed wait must not leave the built worker running after the test (it outlived a CI run once).
    worker.child.kill('SIGKILL');
    throw error;
  }
  await new Promise((r) => setTimeout(r, Math.random() * 20));
  worker.child.kill('SIGKILL');
  await new Promise((r) => worker.child.once('exit', r));

  // Another worker takes the jobs over (the killed one's after its lock expires), here in the test
  // process with the same deliverers and the same configured intervals.
  const taker = startRedisPlanWorker({
    config: config(queue),
    logger: silentLogger,
    knowledge: () => knowledge.current,
    curriculum,
    deliverers: registryOf(
      new DiscordPlanDeliverer({
        token: discord.token,
        apiUrl: discord.apiUrl,
        tokens: new MemoryInteractionTokenStore(),
        logger: silentLogger,
      }),
      new SlackPlanDeliverer({
        botToken: slack.validBotToken,
        apiUrl: slack.apiUrl,
        logger: silentLogger,
        logLevel: 'error',
      }),
    ),
  });
  const inspect = new Queue(queue, { connection: { url: redis.url }, prefix: `{${queue}}` });
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const counts = await inspect.getJobCounts('completed', 'failed');
      if ((counts.failed ?? 0) > 0) {
        const [failed] = await inspect.getJobs(['failed'], 0, 0);
        throw new Error(
          `run ${index}: ${counts.failed} failed, e.g. ${failed?.data.target.platform} after ${failed?.attemptsMade}: ${failed?.failedReason}`,
        );
      }
      if (counts.completed === PLANS) break;
      if (Date.now() > deadline) throw new Error(`run ${index}: ${JSON.stringify(counts)} after 90 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const jobs = await inspect.getJobs(['completed']);
    const takenOver = jobs.filter((j) => (j.attemptsStarted ?? 0) > 1).length;
    let duplicates = 0;
    let lost = 0;
    for (const a of asked) {
      const plan = (await producer.service.show(a.user))!;
      const parts =
        a.platform === 'discord' ? discordPlan(plan, { attach: true }).length : slackPlan(plan).length;
      const kept =
        a.platform === 'discord'
          ? discord.messagesIn(a.place()).length
          : (slack.conversations.get(a.place()!) ?? []).length;
      duplicates += Math.max(0, kept - parts);
      lost += Math.max(0, parts - kept);
      if (a.platform === 'slack') {
        const seen = (slack.conversations.get(a.place()!) ?? []).map((m) => m.metadata?.event_payload?.part);
        expect(seen).toEqual(Array.from({ length: parts }, (_, p) => p));
      }
    }
    return { duplicates, lost, takenOver };
  } finally {
    await inspect.close();
    await taker.close();
    await producer.close();
  }
}

test(`GIVEN ${RUNS} runs of ${PLANS} plans with the built worker SIGKILLed mid-send THEN no plan is lost and none is shown twice`, async () => {
  const results: Awaited<ReturnType<typeof run>>[] = [];
  const lanes = Array.from({ length: SIDE_BY_SIDE }, async (_, lane) => {
    for (let i = lane; i < RUNS; i += SIDE_BY_SIDE) results.push(await run(i));
  });
  await Promise.all(lanes);
  expect(results).toHaveLength(RUNS);
  expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(0);
  expect(results.reduce((n, r) => n + r.lost, 0)).toBe(0);
  // The kills fell mid-send: jobs in hand were taken over by the second worker.
  expect(results.reduce((n, r) => n + r.takenOver, 0)).toBeGreaterThan(0);
}, 600_000);
