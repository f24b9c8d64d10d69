/**
 * Weekly check-in benchmarks on one private redis-server, 10,000 active plans:
 * 1. Scheduling: `upsertJobScheduler` for every plan (weekly cron in the user's zone), against a bare
 *    `queue.add` of 10,000 delayed jobs in the same run.
 * 2. Re-planning: upserting every plan's scheduler again (a new plan replaces the old schedule).
 * 3. Redis memory per plan (INFO memory used_memory before/after; the scheduler, its next delayed
 *    job and the user's check-in state), against the bare delayed job.
 * 4. The processor's rate: `runCheckin` (state read, decision, send gate, delivered marker) with a
 *    no-op send, against bare `GET` + `SET NX` round trips (the least a once-only send must cost).
 * 5. Delivery through the Slack fake: a sample of due week-2 check-ins run by the real check-in worker
 *    (`startCheckinWorker`, default concurrency) and sent by the real `SlackPlanDeliverer.deliverCheckin`
 *    (history lookup for the delivery key, then `chat.postMessage`), against bare BullMQ jobs each
 *    posting one message to the fake with a Web API client, same concurrency, same run.
 */
import { LogLevel, webApi } from '@slack/bolt';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { SlackPlanDeliverer } from '../src/adapters/slack/slack-deliverer';
import { silentLogger } from '../src/core/logger';
import type { CheckinJobData } from '../src/core/plans/companion/checkin-decision';
import { type CheckinStore, checkinKey } from '../src/core/plans/companion/checkin-state';
import { checkinInstant, type PlanClock } from '../src/core/plans/companion/time-zones';
import type { StudyPlan } from '../src/core/plans/plan-service';
import { runCheckin } from '../src/queue/checkin-processor';
import { BullmqCheckinScheduler, startCheckinWorker } from '../src/queue/checkin-scheduler';
import { RedisCheckinStore } from '../src/stores/redis-checkin-store';
import { FakeSlackApi } from '../test/fakes/slack/fake-slack-api';
import { startRedis } from '../test/helpers/redis-server';
import { printComparison, printFigure, since } from './lib/stats';

const PLANS = 10_000;
const BATCH = 200;
/** Due check-ins delivered through the Slack fake (a sample of the plans, so the run stays short). */
const SAMPLE = 1000;
/** Project and baseline alternate, each delivering `SAMPLE / ROUNDS` per round (they share the noise). */
const ROUNDS = 2;
const PER_ROUND = SAMPLE / ROUNDS;
/** The check-in worker's default concurrency (`startCheckinWorker`). */
const CONCURRENCY = 4;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

const clockOf = (i: number): PlanClock => ({
  startDate: '2027-01-04',
  weekday: (1 + (i % 7)) as PlanClock['weekday'],
  zone: ZONES[i % ZONES.length]!,
});
const jobOf = (i: number, plan = 1): CheckinJobData => ({
  v: 1,
  planId: `job-${i}-${plan}`,
  user: { platform: 'slack', id: `U${i}` },
  target: { platform: 'slack', data: { userId: `U${i}`, channelId: `D${i}` } },
});

/** A 12-week plan of three topics a week (what the processor renders). */
const plan: StudyPlan = {
  request: { stack: [], weeks: 12, hoursPerWeek: 8, known: [] },
  weeks: Array.from({ length: 12 }, (_, w) => ({
    week: w + 1,
    hours: 8,
    topics: [0, 1, 2].map((k) => ({
      id: `t${w}-${k}`,
      title: `Topic ${w}-${k}`,
      hours: 8 / 3,
      source: null,
    })),
  })),
  unscheduled: [],
  extraWeeksNeeded: 0,
  markdown: '',
  createdAt: '2027-01-04T08:00:00.000Z',
};

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function inBatches(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => work(i + k)));
  }
  return since(t0);
}

/** Waits until `done()` or throws after `ms`. */
async function until(done: () => boolean, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Baseline: `PER_ROUND` bare BullMQ jobs, each posting one message to the fake with a Web API client. */
async function bareDeliveries(url: string, fake: FakeSlackApi, round: number): Promise<number> {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-bare-post', { connection, prefix: '{bench-bare}' });
  const client = new webApi.WebClient(fake.validBotToken, {
    slackApiUrl: fake.apiUrl,
    logLevel: LogLevel.ERROR,
  });
  let posted = 0;
  const worker = new Worker(
    'bench-bare-post',
    async (job) => {
      await client.chat.postMessage({ channel: job.data.channel, text: 'check-in' });
      posted++;
    },
    { connection, prefix: '{bench-bare}', concurrency: CONCURRENCY, autorun: false },
  );
  await queue.addBulk(
    Array.from({ length: PER_ROUND }, (_, i) => ({ name: 'post', data: { channel: `DBARE${round}-${i}` } })),
  );
  const t0 = performance.now();
  void worker.run();
  await until(() => posted === PER_ROUND, 'bare posts');
  const ms = since(t0);
  await worker.close();
  await queue.close();
  connection.disconnect();
  return ms;
}

/**
 * The project: `PER_ROUND` due week-2 check-ins (state set to a fresh plan) run by the check-in worker,
 * sent by the Slack deliverer to the fake; the ms from the worker's start to the last one sent.
 */
async function checkinDeliveries(
  url: string,
  fake: FakeSlackApi,
  store: CheckinStore,
  round: number,
): Promise<number> {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue<CheckinJobData>('bench-deliver', { connection, prefix: '{bench}' });
  const deliverer = new SlackPlanDeliverer({
    botToken: fake.validBotToken,
    apiUrl: fake.apiUrl,
    logger: silentLogger,
    logLevel: 'error',
  });
  const first = round * PER_ROUND;
  const jobs = Array.from({ length: PER_ROUND }, (_, i) => jobOf(first + i, 3));
  await inBatches(PER_ROUND, (i) =>
    store.set(jobs[i]!.user, {
      planId: jobs[i]!.planId,
      enabled: true,
      paused: false,
      clock: clockOf(first + i),
      pushBack: 0,
    }),
  );
  await queue.addBulk(
    jobs.map((data, i) => ({ name: 'checkin', data, opts: { jobId: `due-${first + i}`, attempts: 3 } })),
  );
  // One instant inside plan week 2 for every plan's weekday and zone.
  const week2 = new Date(Math.max(...jobs.map((_, i) => checkinInstant(clockOf(first + i), 2).getTime())));
  const week3 = Math.min(...jobs.map((_, i) => checkinInstant(clockOf(first + i), 3).getTime()));
  if (week2.getTime() >= week3) throw new Error('no instant inside every plan week 2');
  const outcomes: string[] = [];
  const t0 = performance.now();
  const worker = startCheckinWorker({
    connection,
    queueName: 'bench-deliver',
    prefix: '{bench}',
    concurrency: CONCURRENCY,
    firedAt: () => week2,
    onOutcome: (o) => outcomes.push(o.status),
    deps: {
      store,
      loadPlan: async () => ({ plan, done: ['t0-0'] }),
      send: (job, content) =>
        deliverer.deliverCheckin(job.target, content, checkinKey(job.planId, content.week)),
      finish: async () => {},
    },
  });
  await until(() => outcomes.length === PER_ROUND, 'check-ins');
  const ms = since(t0);
  const sent = outcomes.filter((o) => o === 'sent').length;
  if (sent !== PER_ROUND) throw new Error(`sent ${sent} of ${PER_ROUND} check-ins`);
  await worker.close();
  await queue.close();
  connection.disconnect();
  return ms;
}

async function main(): Promise<void> {
  const server = await startRedis();
  const redis = new Redis(server.url);
  const connection = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    // Baseline: plain delayed jobs.
    const bare = new Queue('bench-bare', { connection, prefix: '{bench-bare}' });
    const m0 = await usedMemory(redis);
    const bareMs = await inBatches(PLANS, (i) =>
      bare.add('checkin', jobOf(i), { delay: 7 * 24 * 3600 * 1000, jobId: `bare-${i}` }),
    );
    const m1 = await usedMemory(redis);

    // Project: one scheduler per plan, and each user's check-in state.
    const scheduler = new BullmqCheckinScheduler({
      connection,
      queueName: 'bench-checkins',
      prefix: '{bench}',
    });
    const store = new RedisCheckinStore(redis, '{bench}');
    const scheduleMs = await inBatches(PLANS, async (i) => {
      await scheduler.schedule(jobOf(i), clockOf(i));
      await store.set(jobOf(i).user, {
        planId: jobOf(i).planId,
        enabled: true,
        paused: false,
        clock: clockOf(i),
        pushBack: 0,
      });
    });
    const m2 = await usedMemory(redis);
    const replanMs = await inBatches(PLANS, (i) => scheduler.schedule(jobOf(i, 2), clockOf(i + 3)));
    const m3 = await usedMemory(redis);
    const schedulers = (await scheduler.queue.getJobSchedulersCount()) as number;
    if (schedulers !== PLANS) throw new Error(`expected ${PLANS} schedulers, found ${schedulers}`);

    console.log(`${PLANS} active plans on one redis-server (batches of ${BATCH} at once)`);
    printComparison({
      what: 'schedule 10,000 plans (scheduler + state)',
      project: scheduleMs,
      baseline: bareMs,
      unit: 'ms',
    });
    printComparison({
      what: 're-plan 10,000 plans (upsert again)',
      project: replanMs,
      baseline: bareMs,
      unit: 'ms',
    });
    printComparison({
      what: 'Redis memory per plan',
      project: (m2 - m1) / PLANS,
      baseline: (m1 - m0) / PLANS,
      unit: 'B',
    });
    printFigure('  memory change per plan after re-planning', (m3 - m2) / PLANS, 'B');

    // Processor rate: every plan's week-2 check-in through the send gate, with a no-op send.
    const deps = {
      store,
      loadPlan: async () => ({ plan, done: ['t0-0'] }),
      send: async () => {},
      finish: async () => {},
    };
    let sent = 0;
    const processMs = await inBatches(PLANS, async (i) => {
      const job = jobOf(i, 1);
      await store.update(job.user, { enabled: true });
      const outcome = await runCheckin(job, checkinInstant(clockOf(i), 2), deps);
      if (outcome.status === 'sent') sent++;
    });
    if (sent !== PLANS) throw new Error(`sent ${sent} of ${PLANS}`);
    const bareRoundTripsMs = await inBatches(PLANS, async (i) => {
      await redis.get(`bare-state:${i}`);
      await redis.set(`bare-gate:${i}`, 'sent', 'PX', 60_000, 'NX');
    });
    printComparison({
      what: 'check-ins processed/s (no-op send)',
      project: (PLANS / processMs) * 1000,
      baseline: (PLANS / bareRoundTripsMs) * 1000,
      unit: 'jobs/s',
    });

    // Delivery through the Slack fake: real check-in worker and Slack deliverer vs bare posting jobs.
    const fake = new FakeSlackApi();
    await fake.start();
    try {
      let bareMsPost = 0;
      let deliverMs = 0;
      for (let round = 0; round < ROUNDS; round++) {
        bareMsPost += await bareDeliveries(server.url, fake, round);
        deliverMs += await checkinDeliveries(server.url, fake, store, round);
      }
      const posted = fake.callsOf('chat.postMessage').length;
      if (posted !== 2 * SAMPLE) throw new Error(`the fake got ${posted} posts, expected ${2 * SAMPLE}`);
      printComparison({
        what: `check-ins delivered/s via the Slack fake (${SAMPLE} due, concurrency ${CONCURRENCY})`,
        project: (SAMPLE / deliverMs) * 1000,
        baseline: (SAMPLE / bareMsPost) * 1000,
        unit: 'check-ins/s',
      });
    } finally {
      await fake.stop();
    }
    await scheduler.close();
    await bare.close();
  } finally {
    redis.disconnect();
    connection.disconnect();
    await server.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
