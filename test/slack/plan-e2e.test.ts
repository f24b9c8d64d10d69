/**
 * `/mentor plan` end to end: the real Slack adapter (HTTP mode) with the real plan service on a real
 * redis-server, and `npm run worker` as its own process delivering through the fake Slack Web API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { renderPlan } from '../../src/adapters/slack/render/plan-message';
import { buildPlans, type PlansRuntime } from '../../src/app/build-plans';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { startRedis, type TestRedis } from '../helpers/redis-server';
import { SlackHarness } from './helpers/slack-harness';
import { expectWithinSlackLimits } from './helpers/slack-limits';

const ROOT = join(__dirname, '..', '..');
const QUEUE = `slack-e2e-${process.pid}`;
const PREFIX = `{${QUEUE}}`;

let redis: TestRedis;
let runtime: PlansRuntime;
let worker: ChildProcess;
let workerOutput = '';
let h: SlackHarness;
const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });

beforeAll(async () => {
  redis = await startRedis();
  runtime = buildPlans({
    config: {
      knowledgeDir: join(ROOT, 'knowledge'),
      redisUrl: redis.url,
      plans: { inProcessWorker: false, queueName: QUEUE, prefix: PREFIX, dailyCap: 10, workerConcurrency: 2 },
    },
    logger: silentLogger,
    knowledge: () => knowledge.current,
    inProcessWorker: false,
  });
  h = await new SlackHarness({ plans: runtime.service }).start();
  worker = spawn(process.execPath, ['dist/worker.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: h.fake.validBotToken,
      SLACK_SIGNING_SECRET: 'worker-does-not-need-it',
      SLACK_API_URL: h.fake.apiUrl,
      PLAN_QUEUE_NAME: QUEUE,
      PLAN_QUEUE_PREFIX: PREFIX,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (d: Buffer) => (workerOutput += d.toString()));
  worker.stderr!.on('data', (d: Buffer) => (workerOutput += d.toString()));
  await h.fake.waitFor(
    () => /plan worker started/.test(workerOutput),
    15_000,
    `the worker (${workerOutput})`,
  );
});

/** SIGTERM to `npm run worker`; resolves with its exit code. */
async function stopWorker(): Promise<number | null> {
  if (worker.exitCode !== null) return worker.exitCode;
  const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)));
  worker.kill('SIGTERM');
  return exited;
}

afterAll(async () => {
  if (worker) await stopWorker();
  await h?.stop();
  await runtime?.close();
  await redis?.destroy();
  knowledge.close();
});

type ModalView = { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };

function submission(view: ModalView, values: Record<string, string>) {
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of view.blocks) {
    state[block.block_id] = { value: { type: 'plain_text_input', value: values[block.block_id] ?? null } };
  }
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'test' },
    user: { id: 'U0PLAN', username: 'ada', name: 'ada', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'unused',
    trigger_id: '1337.42.submit',
    view: { ...view, id: 'V0001', team_id: 'T0001', type: 'modal', state: { values: state }, hash: 'h1' },
    response_urls: [],
  };
}

test('GIVEN /mentor plan THEN form, field errors, queued, and the worker delivers the plan once by DM', async () => {
  const res = await h.command('plan', { userId: 'U0PLAN', channelId: 'C0001' });
  expect(res.status).toBe(200);
  const [open] = await h.fake.waitForCalls('views.open');
  const view = open!.args.view as ModalView;

  const invalid = await h.interaction(
    submission(view, { stack: 'python django', weeks: 'lots', hours: '0' }),
  );
  const errors = JSON.parse(invalid.body) as { response_action: string; errors: Record<string, string> };
  expect(errors.response_action).toBe('errors');
  expect(Object.keys(errors.errors).sort()).toEqual(['hours', 'weeks']);

  const valid = await h.interaction(
    submission(view, { stack: 'python django postgres', weeks: '4', hours: '6', known: 'git' }),
  );
  const queued = JSON.parse(valid.body) as {
    response_action: string;
    view: { blocks: { text: { text: string } }[] };
  };
  expect(queued.response_action).toBe('update');

  expect(queued.view.blocks[0]!.text.text).toMatch(/I will send it here when it is ready/);

  // The worker process delivers: a DM opened for the user (the form was opened in a channel).
  const [dm] = await h.fake.waitForCalls('conversations.open', 1, 20_000);
  expect(dm!.args.users).toBe('U0PLAN');
  expect(dm!.token).toBe(h.fake.validBotToken);
  await h.fake.waitForCalls('chat.postMessage', 1, 20_000);
  const stored = await runtime.service.show({ platform: 'slack', id: 'U0PLAN' });
  expect(stored?.request).toMatchObject({ weeks: 4, hoursPerWeek: 6 });
  const expected = renderPlan(stored!).length;
  const posts = await h.fake.waitForCalls('chat.postMessage', expected, 20_000);
  expect(posts.every((p) => p.args.channel === 'D0PLAN' && p.token === h.fake.validBotToken)).toBe(true);
  expect(String(posts[0]!.args.text)).toContain('Your study plan is ready');
  const shown = posts.map((p) => JSON.stringify(p.args.blocks)).join('');
  expect(shown).toContain('Week 1');
  expect(shown).toContain('Django');
  for (const post of posts) expectWithinSlackLimits(post.args as never);
  // Delivered once: nothing more arrives.
  await new Promise((r) => setTimeout(r, 1500));
  expect(h.fake.callsOf('chat.postMessage')).toHaveLength(expected);
  expect(h.fake.callsOf('conversations.open')).toHaveLength(1);
});

test('GIVEN a delivered plan THEN /mentor plan show shows it and /mentor plan done ticks a topic', async () => {
  const done = await h.command('plan done django', { userId: 'U0PLAN' });
  const [marked] = await h.waitForResponses(done.responseId);
  expect(String(marked!.args.text)).toMatch(/Django/);
  const show = await h.command('plan show', { userId: 'U0PLAN' });
  const posts = await h.waitForResponses(show.responseId);
  expect(String(posts[0]!.args.text)).toContain('Your study plan');
  expect(posts.map((p) => JSON.stringify(p.args.blocks)).join('')).toMatch(/☑ \*Django\*/);
});

test('GIVEN @mentor plan in a thread THEN the worker delivers the plan into that thread', async () => {
  const ts = '1700002000.000100';
  const before = h.fake.callsOf('chat.postMessage').length;
  await h.event({
    type: 'app_mention',
    user: 'U0THREAD',
    text: '<@UBOT> plan go docker weeks=2 hours=5',
    ts,
    channel: 'C0TEAM',
  });
  const calls = await h.fake.waitFor(
    () => {
      const delivered = h.fake
        .callsOf('chat.postMessage')
        .slice(before)
        .filter(
          (c) => c.args.channel === 'C0TEAM' && String(c.args.text).includes('Your study plan is ready'),
        );
      return delivered.length > 0 ? delivered : undefined;
    },
    20_000,
    'the plan in the thread',
  );
  expect(calls[0]!.args).toMatchObject({ channel: 'C0TEAM', thread_ts: ts });
});

test('GIVEN Redis is down THEN the plan form is still answered inside the 3-second window, saying so', async () => {
  // The worker is done with its part; it stops cleanly before the outage.
  expect(await stopWorker()).toBe(0);
  const res = await h.command('plan', { userId: 'U0DOWN', channelId: 'C0001' });
  expect(res.status).toBe(200);
  const opened = await h.fake.waitFor(() => h.fake.callsOf('views.open').at(-1), 5000, 'the form');
  await redis.stop();
  try {
    const answer = await h.interaction(submission(opened.args.view as ModalView, { stack: 'go' }));
    // Bolt answers an unacknowledged request itself at 3001 ms, without this body: a 200 with the
    // update proves the form was answered inside the window.
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(body.response_action).toBe('update');
    expect(body.view.blocks[0]!.text.text).toMatch(/try again/i);
  } finally {
    await redis.start();
  }
});
