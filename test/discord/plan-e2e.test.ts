/**
 * `/plan new` end to end: the real adapter (discord.js against the fake Discord), the real plan
 * service on BullMQ with a real redis-server, and a separate worker with its own REST-only Discord
 * deliverer (as `npm run worker` runs it): the interaction token travels through Redis, never in job
 * data.
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createDiscordDeliverer } from '../../src/adapters/discord';
import { discordTargetSchema } from '../../src/adapters/discord/plans/delivery-target';
import { RedisInteractionTokenStore } from '../../src/adapters/discord/plans/redis-interaction-token-store';
import {
  buildPlans,
  loadCurriculum,
  type PlansRuntime,
  startRedisPlanWorker,
} from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { DeliveryRegistry } from '../../src/core/plans/delivery-registry';
import type { PlanWorker } from '../../src/queue/plan-worker';
import type { RecordedRequest } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt } from '../fakes/discord/payloads';
import { startRedis, type TestRedis } from '../helpers/redis-server';
import { type Bot, recordingLogger, startBot } from './harness';

const ROOT = join(__dirname, '../..');
const QUEUE = 'discord-e2e';
const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
const plansConfig = (url: string) => ({
  knowledgeDir: join(ROOT, 'knowledge'),
  redisUrl: url,
  plans: {
    inProcessWorker: false,
    queueName: QUEUE,
    prefix: `{${QUEUE}}`,
    dailyCap: 50,
    workerConcurrency: 1,
  },
});

let redis: TestRedis;
let botRedis: Redis;
let probe: Redis;
let runtime: PlansRuntime;
let bot: Bot;
let worker: PlanWorker;
let deliverer: ReturnType<typeof createDiscordDeliverer>;
let inspect: Queue;
const workerLog = recordingLogger();

beforeAll(async () => {
  redis = await startRedis();
  botRedis = new Redis(redis.url);
  probe = new Redis(redis.url);
  runtime = buildPlans({
    config: plansConfig(redis.url),
    logger: silentLogger,
    knowledge: () => knowledge.current,
  });
  bot = await startBot({
    plans: runtime.service,
    tokens: new RedisInteractionTokenStore({ redis: botRedis }),
  });
  // The worker process: its own Redis connections and a REST-only deliverer built from configuration.
  deliverer = createDiscordDeliverer(
    { token: bot.fake.token, appId: bot.fake.appId, apiUrl: bot.fake.apiUrl },
    redis.url,
    workerLog.logger,
  );
  worker = startRedisPlanWorker({
    config: plansConfig(redis.url),
    logger: workerLog.logger,
    knowledge: () => knowledge.current,
    curriculum: loadCurriculum(plansConfig(redis.url), silentLogger, knowledge.current),
    deliverers: new DeliveryRegistry([{ deliverer, targetSchema: discordTargetSchema }]),
    tuning: { lockDuration: 2000, stalledInterval: 1000 },
  });
  inspect = new Queue(QUEUE, { connection: { url: redis.url }, prefix: `{${QUEUE}}` });
});

afterAll(async () => {
  await worker.close();
  await deliverer.close();
  await inspect.close();
  await bot.stop();
  await runtime.close();
  botRedis.disconnect();
  probe.disconnect();
  knowledge.close();
  await redis.destroy();
});

/** Asks for a plan and waits until its job completed; returns the interaction and its job id. */
async function planAndWait(options: { at?: number } = {}) {
  const user = fakeUser('learner');
  const interaction = bot.fake.slash(
    'plan',
    [
      opt.sub('new', [
        opt.string('stack', 'python django postgres'),
        opt.integer('weeks', 8),
        opt.integer('hours', 10),
      ]),
    ],
    { user, place: guildPlace(), ...options },
  );
  const status = await bot.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
  expect(status.body.content).toMatch(/queued \(position \d+\)|being built/);
  const job = (await inspect.getJobs(['waiting', 'active', 'completed', 'delayed'])).find((j) =>
    JSON.stringify(j.data).includes(interaction.id),
  );
  expect(job).toBeDefined();
  for (let i = 0; (await inspect.getJobState(job!.id!)) !== 'completed'; i++) {
    if (i > 500) throw new Error(`job ${job!.id} did not complete`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { interaction, user, job: job! };
}

const describeCall = (r: RecordedRequest, token: string) =>
  `${r.method} ${r.path.replace(token, 'T')} ${r.status}`;

test('GIVEN /plan new THEN it defers privately, shows the queue position, and the worker delivers once by editing the original', async () => {
  const { interaction, user, job } = await planAndWait();
  const calls = bot.fake.requestsTo(interaction.token);
  expect(calls[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
  expect(calls.map((r) => describeCall(r, interaction.token)).slice(0, 3)).toEqual([
    `POST /interactions/${interaction.id}/T/callback 204`,
    `PATCH /webhooks/${bot.fake.appId}/T/messages/@original 200`,
    `PATCH /webhooks/${bot.fake.appId}/T/messages/@original 200`,
  ]);
  expect(calls[1]!.body.content).toMatch(/queued \(position \d+\)|being built/);
  const plan = calls[2]!;
  expect(plan.body.embeds[0].title).toBe('Your study plan is ready');
  expect(plan.files.map((f) => f.filename)).toEqual(['study-plan.md']);
  expect(plan.files[0]!.content).toMatch(/Week 1/);
  // The rest of a long plan follows privately; nothing else is sent, and no DM.
  for (const r of calls.slice(3))
    expect(r).toMatchObject({ method: 'POST', status: 200, body: { flags: 64 } });
  expect(bot.fake.dmChannelOf(user.id)).toBeUndefined();
  expect(bot.fake.original(interaction.id)?.flags).toBe(64);
  // The token never reached job data; the worker forgot it after use.
  expect(JSON.stringify(job.data)).not.toContain(interaction.token);
  const keys = await probe.keys(`{${QUEUE}}*`);
  for (const key of keys) {
    const type = await probe.type(key);
    const value =
      type === 'hash'
        ? JSON.stringify(await probe.hgetall(key))
        : type === 'string'
          ? await probe.get(key)
          : '';
    expect(value ?? '').not.toContain(interaction.token);
  }
  expect(await probe.exists(`{backend-mentor}:discord:interaction-token:${interaction.id}`)).toBe(0);
  expect(workerLog.text()).not.toContain(interaction.token);
});

test('GIVEN a request whose token has expired (older than 15 minutes) THEN the worker delivers by DM', async () => {
  const { interaction, user } = await planAndWait({ at: Date.now() - 16 * 60_000 });
  const calls = bot.fake.requestsTo(interaction.token).map((r) => describeCall(r, interaction.token));
  expect(calls).toEqual([
    `POST /interactions/${interaction.id}/T/callback 204`,
    `PATCH /webhooks/${bot.fake.appId}/T/messages/@original 200`,
  ]);
  const open = bot.fake.requests.filter(
    (r) => r.path === '/users/@me/channels' && r.body.recipient_id === user.id,
  );
  expect(open).toHaveLength(1);
  const channel = bot.fake.dmChannelOf(user.id)!;
  const posts = bot.fake.requests.filter((r) => r.path === `/channels/${channel}/messages`);
  expect(posts.length).toBeGreaterThanOrEqual(1);
  expect(posts.every((r) => r.status === 200 && r.authorization === `Bot ${bot.fake.token}`)).toBe(true);
  expect(posts[0]!.body.embeds[0].title).toBe('Your study plan is ready');
  expect(posts[0]!.files[0]!.filename).toBe('study-plan.md');
});

test('GIVEN Discord refuses the token before the plan is ready THEN it is delivered by DM instead', async () => {
  const user = fakeUser('late');
  const interaction = bot.fake.slash(
    'plan',
    [opt.sub('new', [opt.string('stack', 'go docker'), opt.integer('weeks', 4), opt.integer('hours', 6)])],
    { user, place: guildPlace() },
  );
  // The adapter keeps the token only after this status edit, so the worker's edit always comes later.
  await bot.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
  bot.fake.expire(interaction.id);
  const post = await bot.fake.waitFor(
    (r) => r.path === `/channels/${bot.fake.dmChannelOf(user.id)}/messages` && r.method === 'POST',
    10_000,
  );
  expect(post.files[0]!.filename).toBe('study-plan.md');
  const edits = bot.fake.requestsTo(interaction.token).filter((r) => r.method === 'PATCH');
  expect(edits.map((r) => r.status)).toEqual([200, 401]);
});
