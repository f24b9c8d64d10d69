/**
 * Study-plan benchmarks.
 * 1. Plan generation p50/p99 (the pure generator), against a JSON round trip of the same plan.
 * 2. A burst of 500 plan requests from 500 users through the real plan service and BullMQ queue on a
 *    private redis-server, built by the real processor and delivered by the real Slack deliverer to
 *    the fake Slack Web API (in a process of its own, as Slack is elsewhere): every plan delivered
 *    once, request-to-delivery p50/p99, target p99 < 2 s. Beside them, per job: CPU of this process,
 *    of the fake's and of redis-server, and Redis commands (on a shared machine latencies follow the load).
 *    Baseline in the same run: 500 empty BullMQ jobs posting one message with a bare WebClient. (The
 *    old target, plan jobs/s >= 50% of empty jobs, is retired: the bot allows 5 plans per user a day.)
 *    `--profile=FILE` writes a CPU profile of this process during the burst only (not the baseline).
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { LogLevel, webApi } from '@slack/bolt';
import { Queue, Worker } from 'bullmq';
import { buildSlackDeliverer } from '../src/adapters/slack/build-slack-adapter';
import { slackTargetSchema } from '../src/adapters/slack/delivery-target';
import { buildPlans, loadCurriculum } from '../src/app/build-plans';
import { projectRoot } from '../src/app/project-root';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { DeliveryRegistry } from '../src/core/plans/delivery-registry';
import { generatePlan } from '../src/core/plans/generate-plan';
import type { PlanDeliverer } from '../src/core/plans/plan-service';
import { planData } from '../src/core/plans/render-plan';
import { createTechnologyResolver } from '../src/core/plans/resolve-technologies';
import { type PlanRequest, validatePlanRequest } from '../src/core/plans/validate-plan-request';
import { jobOptions } from '../src/queue/queue-settings';
import { closeRedis, createRedisConnection } from '../src/queue/redis-connection';
import { freePort, startRedis } from '../test/helpers/redis-server';
import { stop, timeToReady } from './lib/child-process';
import { profiled, profileFile } from './lib/cpu-profile';
import { measurePhase, type PhaseCost } from './lib/phase-cost';
import {
  isSlackFakeRole,
  runSlackFakeRole,
  type SlackFakeProcess,
  startSlackFakeProcess,
} from './lib/slack-fake-process';
import { percentile, printComparison, printFigure, since, summarize } from './lib/stats';

const ROOT = projectRoot();

/** What plans are made from: the project's knowledge and curriculum (loaded by the benchmark process). */
function loadPlanInputs() {
  const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
  const curriculum = loadCurriculum(
    { knowledgeDir: join(ROOT, 'knowledge') },
    silentLogger,
    knowledge.current,
  );
  const units = new Map(
    knowledge.current.units.map((u) => [u.id, { id: u.id, title: u.title, path: u.path }]),
  );
  return { knowledge, curriculum, source: (id: string) => units.get(id) };
}
type PlanInputs = ReturnType<typeof loadPlanInputs>;

const STACKS = [
  '',
  'I want to do Java with Spring',
  'python django postgres docker',
  'golang k8s',
  'node graphql mongodb',
  'ruby on rails',
  'c# .net azure terraform',
  'php laravel mysql',
  'kafka elasticsearch redis',
];

/** Varied, valid requests (deterministic). */
function requests({ curriculum }: PlanInputs, count: number): PlanRequest[] {
  const resolve = createTechnologyResolver(curriculum);
  const out: PlanRequest[] = [];
  for (let i = 0; i < count; i++) {
    const result = validatePlanRequest(
      {
        stack: STACKS[i % STACKS.length],
        weeks: 1 + ((i * 7) % 52),
        hoursPerWeek: 1 + ((i * 13) % 60),
        known: i % 3 === 0 ? 'git,sql' : '',
        level: ['', 'beginner', 'advanced'][i % 3],
      },
      curriculum,
      resolve,
    );
    if (!result.ok) throw new Error('bench request invalid');
    out.push(result.request);
  }
  return out;
}

function benchGeneration(inputs: PlanInputs): void {
  const { curriculum, source } = inputs;
  const reqs = requests(inputs, 3000);
  const options = { source, createdAt: '2025-01-01T00:00:00.000Z' };
  for (const r of reqs.slice(0, 300)) void generatePlan(curriculum, r, options).markdown; // warm-up
  const gen: number[] = [];
  const json: number[] = [];
  for (const r of reqs) {
    const t0 = performance.now();
    const plan = generatePlan(curriculum, r, options);
    const markdown = plan.markdown; // rendered on first read: count it
    gen.push(since(t0));
    const t1 = performance.now();
    JSON.parse(JSON.stringify({ ...planData(plan), markdown }));
    json.push(since(t1));
  }
  const g = summarize(gen);
  const j = summarize(json);
  console.log(
    `plan generation with its Markdown over ${g.n} varied requests (baseline: a JSON round trip of the same plan)`,
  );
  printComparison({ what: 'generation p50', project: g.p50, baseline: j.p50, unit: 'ms' });
  printComparison({ what: 'generation p99', project: g.p99, baseline: j.p99, unit: 'ms' });
  printFigure('generation p99', g.p99, 'ms', '< 5 ms', g.p99 < 5);
}

const BURST = 500;
/** Worker concurrency of both runs (PLAN_WORKER_CONCURRENCY, default 16); `--concurrency=N` changes it. */
const CONCURRENCY = Number(process.argv.find((a) => a.startsWith('--concurrency='))?.slice(14) ?? 16);

/** The request of user `i` in the burst: the weeks, hours and stacks people ask for. */
function burstInput(i: number) {
  const weeks = [4, 6, 8, 10, 12, 16, 20, 26][i % 8]!;
  const hoursPerWeek = [4, 5, 6, 8, 10, 12, 15, 20][(i * 3) % 8]!;
  return { stack: STACKS[i % STACKS.length], weeks, hoursPerWeek, known: i % 4 === 0 ? 'git' : '' };
}

/** The bot's plans for a burst: the real plan service, queue and in-process worker on queue `queueName`. */
function burstRuntime(inputs: PlanInputs, url: string, queueName: string, deliverer: PlanDeliverer) {
  return buildPlans({
    config: {
      knowledgeDir: join(ROOT, 'knowledge'),
      redisUrl: url,
      plans: {
        inProcessWorker: true,
        queueName,
        prefix: `{${queueName}}`,
        dailyCap: 5,
        workerConcurrency: CONCURRENCY,
      },
    },
    logger: silentLogger,
    knowledge: () => inputs.knowledge.current,
    curriculum: inputs.curriculum,
    deliverers: new DeliveryRegistry([{ deliverer, targetSchema: slackTargetSchema }]),
  });
}

/**
 * The project: 500 users ask for a plan at once through the real plan service and BullMQ queue, the
 * bot's in-process worker (concurrency CONCURRENCY) builds each with the real processor, and the
 * real Slack deliverer posts it to the fake Slack Web API. Request-to-delivery latency per user.
 */
async function burstProject(inputs: PlanInputs, fake: SlackFakeProcess, url: string): Promise<number[]> {
  const { apiUrl, botToken: token } = fake;
  const asked = new Map<string, number>();
  const latencies: number[] = [];
  const deliveries = new Map<string, number>();
  const sendMs: number[] = [];
  const slack = buildSlackDeliverer({ botToken: token, apiUrl }, silentLogger, 'error');
  const timed: PlanDeliverer = {
    platform: 'slack',
    async deliver(target, plan, jobId) {
      const t0 = performance.now();
      await slack.deliver(target, plan, jobId);
      sendMs.push(since(t0));
      const userId = String(target.data.userId);
      deliveries.set(userId, (deliveries.get(userId) ?? 0) + 1);
      latencies.push(since(asked.get(userId)!));
    },
  };
  const runtime = burstRuntime(inputs, url, 'bench-burst', timed);
  const started = performance.now();
  const loopBefore = performance.eventLoopUtilization();
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const userId = `U${String(i).padStart(5, '0')}`;
      asked.set(userId, performance.now());
      const result = await runtime.service.request({ platform: 'slack', id: userId }, burstInput(i), {
        platform: 'slack',
        data: { userId, channelId: `D${userId}` },
      });
      if (result.status !== 'queued') throw new Error(`request ${i}: ${result.message}`);
    }),
  );
  const queuedAt = performance.now();
  const deadline = Date.now() + 120_000;
  while (latencies.length < BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const busy = performance.eventLoopUtilization(loopBefore).utilization;
  console.log(
    `  all ${BURST} requests answered after ${Math.round(queuedAt - started)} ms; all delivered after ${Math.round(performance.now() - started)} ms; event loop busy ${(100 * busy).toFixed(0)}% of that time (near 100%: the burst is CPU-bound)`,
  );
  await new Promise((r) => setTimeout(r, 500)); // a double delivery would show up here
  await runtime.close();
  const twice = [...deliveries.values()].filter((n) => n !== 1).length;
  if (deliveries.size !== BURST || twice > 0) {
    throw new Error(`delivered to ${deliveries.size} of ${BURST} users; ${twice} more than once`);
  }
  const messages = Object.entries((await fake.stats()).posts)
    .filter(([channel]) => !channel.startsWith('DBARE'))
    .map(([, count]) => count);
  console.log(
    `  Slack messages per plan: p50 ${percentile(messages, 50)}, max ${Math.max(...messages)} (Slack allows about one a second per channel, short bursts more); one plan sent in p50 ${percentile(sendMs, 50).toFixed(0)} ms, p99 ${percentile(sendMs, 99).toFixed(0)} ms`,
  );
  return latencies;
}

/**
 * Scale-out: the same burst with a second plan worker, `npm run worker`'s own entry point in a process
 * of its own (as an operator adds one per core), beside the bot's in-process worker. Both deliver to
 * the Slack fake; each user's latency runs to the fake's first post in their channel, and a channel
 * that got the same text twice would be a plan delivered twice.
 */
async function burstScaledOut(inputs: PlanInputs, fake: SlackFakeProcess, url: string): Promise<number[]> {
  const queueName = 'bench-scaled';
  const opsPort = await freePort();
  const child = spawn(process.execPath, ['--max-semi-space-size=8', join(ROOT, 'dist', 'worker.js')], {
    env: {
      PATH: process.env.PATH,
      REDIS_URL: url,
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      PLAN_QUEUE_NAME: queueName,
      PLAN_QUEUE_PREFIX: `{${queueName}}`,
      PLAN_WORKER_CONCURRENCY: String(CONCURRENCY),
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_API_URL: fake.apiUrl,
      OPS_PORT: String(opsPort),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await timeToReady(child, performance.now(), `http://127.0.0.1:${opsPort}/readyz`);
    const slack = buildSlackDeliverer(
      { botToken: fake.botToken, apiUrl: fake.apiUrl },
      silentLogger,
      'error',
    );
    const runtime = burstRuntime(inputs, url, queueName, slack);
    const repeatedBefore = (await fake.stats()).repeated;
    const asked = new Map<string, number>();
    await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const userId = `S${String(i).padStart(5, '0')}`;
        const channelId = `DSCALED${i}`;
        asked.set(channelId, Date.now());
        const result = await runtime.service.request({ platform: 'slack', id: userId }, burstInput(i), {
          platform: 'slack',
          data: { userId, channelId },
        });
        if (result.status !== 'queued') throw new Error(`request ${i}: ${result.message}`);
      }),
    );
    const deadline = Date.now() + 120_000;
    let stats = await fake.stats();
    const delivered = () => [...asked.keys()].filter((c) => stats.firstAt[c] !== undefined).length;
    while (delivered() < BURST && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      stats = await fake.stats();
    }
    await new Promise((r) => setTimeout(r, 500)); // a double delivery would show up here
    stats = await fake.stats();
    await runtime.close();
    const twice = stats.repeated - repeatedBefore;
    if (delivered() !== BURST || twice > 0) {
      throw new Error(`delivered to ${delivered()} of ${BURST} users; ${twice} messages posted twice`);
    }
    // The fake's clock: a post's time is when the fake recorded it (the 50 ms polling does not count).
    return [...asked].map(([channel, at]) => stats.firstAt[channel]! - at);
  } finally {
    await stop(child);
  }
}

/** The baseline: 500 empty BullMQ jobs at once, each posting one message with a bare Slack WebClient. */
async function burstBaseline(url: string, apiUrl: string, token: string): Promise<number[]> {
  const prefix = '{bench-bare}';
  const queue = new Queue('bench-bare', { connection: { url }, prefix, defaultJobOptions: jobOptions() });
  const connection = createRedisConnection(url, 'blocking', { name: 'bench-bare' });
  const client = new webApi.WebClient(token, { slackApiUrl: apiUrl, logLevel: LogLevel.ERROR });
  const asked = new Map<string, number>();
  const latencies: number[] = [];
  const worker = new Worker(
    'bench-bare',
    async (job) => {
      await client.chat.postMessage({ channel: job.data.channel, text: 'plan' });
      latencies.push(since(asked.get(job.data.channel)!));
    },
    { connection, prefix, concurrency: CONCURRENCY },
  );
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const channel = `DBARE${i}`;
      asked.set(channel, performance.now());
      await queue.add('empty', { channel });
    }),
  );
  const deadline = Date.now() + 120_000;
  while (latencies.length < BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await worker.close();
  await queue.close();
  await closeRedis(connection);
  return latencies;
}

/** Per job: CPU of this process and of redis-server, and Redis commands (the load-independent part). */
function printCost(project: PhaseCost, bare: PhaseCost): void {
  const per = (value: number) => value / BURST;
  const rows: [string, keyof PhaseCost, string][] = [
    ['  CPU of this process per job', 'processCpuMs', 'ms'],
    ["  CPU of the Slack fake's process per job", 'fakeCpuMs', 'ms'],
    ['  CPU of redis-server per job', 'redisCpuMs', 'ms'],
    ['  Redis script calls per job', 'scriptCalls', ''],
    ['  Redis commands per job (in scripts too)', 'redisCommands', ''],
  ];
  for (const [what, key, unit] of rows) {
    printComparison({ what, project: per(project[key]), baseline: per(bare[key]), unit });
  }
}

async function main(): Promise<void> {
  const inputs = loadPlanInputs();
  benchGeneration(inputs);
  const redis = await startRedis();
  const fake = await startSlackFakeProcess();
  try {
    console.log(
      `\nload average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${availableParallelism()} cores`,
    );
    console.log(
      `a burst of ${BURST} plan requests from ${BURST} users, worker concurrency ${CONCURRENCY}: request to delivery on the Slack fake, through BullMQ on a private redis-server (baseline: ${BURST} empty jobs posting one message with a bare WebClient)`,
    );
    const fakeCpu = async () => (await fake.stats()).cpuMs;
    const bareRun = await measurePhase(
      redis.url,
      () => burstBaseline(redis.url, fake.apiUrl, fake.botToken),
      fakeCpu,
    );
    const projectRun = await measurePhase(
      redis.url,
      () => profiled(profileFile(), () => burstProject(inputs, fake, redis.url)),
      fakeCpu,
    );
    const bare = summarize(bareRun.result);
    const project = summarize(projectRun.result);
    printCost(projectRun.cost, bareRun.cost);
    printFigure(`  every plan delivered once (${BURST} users)`, project.n, 'plans');
    printComparison({
      what: 'request-to-delivery p50',
      project: project.p50,
      baseline: bare.p50,
      unit: 'ms',
    });
    printComparison({
      what: 'request-to-delivery p99',
      project: project.p99,
      baseline: bare.p99,
      unit: 'ms',
      target: '< 2000 ms',
      ok: project.p99 < 2000,
    });
    const scaled = summarize(await burstScaledOut(inputs, fake, redis.url));
    console.log(
      `the same burst scaled out: a second plan worker process (\`npm run worker\`) beside the bot's in-process worker, on ${availableParallelism()} cores (baseline: the one-process burst above)`,
    );
    printFigure(`  every plan delivered once (${BURST} users)`, scaled.n, 'plans');
    printComparison({
      what: 'scaled-out request-to-delivery p50',
      project: scaled.p50,
      baseline: project.p50,
      unit: 'ms',
    });
    printComparison({
      what: 'scaled-out request-to-delivery p99',
      project: scaled.p99,
      baseline: project.p99,
      unit: 'ms',
      target: '< 2000 ms',
      ok: scaled.p99 < 2000,
    });
  } finally {
    await fake.stop();
    await redis.destroy();
    inputs.knowledge.close();
  }
}

(isSlackFakeRole() ? runSlackFakeRole() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
