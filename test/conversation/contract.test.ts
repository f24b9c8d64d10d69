/**
 * The same scripted conversation through the terminal (`npm start` itself, no tokens), the Discord
 * fake and the Slack fake: each platform must get the same replies from the conversation core, and
 * show them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { discordTargetSchema } from '../../src/adapters/discord/plans/delivery-target';
import { DiscordPlanDeliverer } from '../../src/adapters/discord/plans/discord-deliverer';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { buildSlackDeliverer } from '../../src/adapters/slack/build-slack-adapter';
import { slackTargetSchema } from '../../src/adapters/slack/delivery-target';
import { plainStyle, renderReplyText } from '../../src/adapters/terminal/render-text';
import { buildPlans, type PlansRuntime } from '../../src/app/build-plans';
import { loadConfig } from '../../src/config/config';
import type { ConversationCore } from '../../src/core/conversation/conversation-core';
import type { CoreReply } from '../../src/core/conversation/message';
import { strings } from '../../src/core/conversation/strings';
import { silentLogger } from '../../src/core/logger';
import { DeliveryRegistry } from '../../src/core/plans/delivery-registry';
import { startBot } from '../discord/harness';
import { dmPlace } from '../fakes/discord/payloads';
import { stopProcess, until } from '../helpers/built-process';
import { loadKnowledge, mentorWithCurriculum } from '../helpers/knowledge';
import { SlackHarness } from '../slack/helpers/slack-harness';

const ROOT = join(__dirname, '..', '..');
const RATE_LIMIT = 5;
/** Three questions before the burst: the burst's third question is the sixth, one over the limit. */
const BEFORE_PLAN = [
  'What does a backend engineer do?',
  'what is postgress',
  'How do I knit a woolly jumper?',
  'topics databases',
  'help',
  'plan python weeks=99',
  'plan python django weeks=4 hours=6',
];
const AFTER_PLAN = [
  'plan show',
  'plan done djngo',
  'plan timezone Mars/Olympus',
  'plan timezone europe/berlin',
  'plan checkins off',
  'plan pause',
  'plan calendar',
  'What is REST?',
  'What is gRPC?',
  'What is Docker?',
];
const SCRIPT = [...BEFORE_PLAN, ...AFTER_PLAN];

/** What must be the same on every platform (ids of recorded answers and queue positions differ). */
function signature(reply: CoreReply): unknown {
  switch (reply.type) {
    case 'answer':
      return {
        type: 'answer',
        markdown: reply.answer.markdown,
        sources: reply.answer.sources.map((s) => s.id),
      };
    case 'plan-request':
      return {
        type: reply.type,
        status: reply.result.status,
        ...(reply.result.status === 'invalid' ? { message: reply.result.message } : {}),
      };
    case 'plan':
      return { type: 'plan', markdown: reply.plan.markdown, progress: reply.progress };
    case 'plan-calendar':
      // DTSTAMP is the moment the file was made: compare the events.
      return { type: reply.type, fileName: reply.fileName, events: reply.ics.match(/^SUMMARY:.*$/gm) };
    default:
      return reply;
  }
}

/** Records every reply the core gives, in order. */
function record(core: ConversationCore): CoreReply[] {
  const replies: CoreReply[] = [];
  const receive = core.receive.bind(core);
  core.receive = async (message) => {
    const out = await receive(message);
    replies.push(...out);
    return out;
  };
  return replies;
}

function memoryPlans(deliverers: DeliveryRegistry): PlansRuntime {
  const knowledge = loadKnowledge();
  return buildPlans({
    config: loadConfig({}),
    logger: silentLogger,
    knowledge: () => knowledge.current,
    deliverers,
  });
}

const results: Record<string, CoreReply[]> = {};

describe('one scripted conversation on every platform', () => {
  test('Slack (DM through the real Bolt adapter and the fake Web API)', async () => {
    const deliverers = new DeliveryRegistry();
    const plans = memoryPlans(deliverers);
    const h = await new SlackHarness({
      plans: plans.service,
      companion: plans.companion,
      questionRateLimit: RATE_LIMIT,
      curriculum: true,
    }).start();
    deliverers.register(
      buildSlackDeliverer({ botToken: h.fake.validBotToken, apiUrl: h.fake.apiUrl }, silentLogger, 'error'),
      slackTargetSchema,
    );
    const replies = record(h.core);
    try {
      let ts = 1700000000;
      const send = async (text: string) => {
        const before = replies.length;
        await h.event({
          type: 'message',
          channel_type: 'im',
          user: 'U0CONTRACT',
          text,
          ts: `${++ts}.000100`,
          channel: 'D0CONTRACT',
        });
        await until(
          () => replies.length > before,
          `the reply to "${text}"`,
          () => JSON.stringify(replies),
        );
      };
      for (const text of BEFORE_PLAN) await send(text);
      await until(
        () =>
          h.fake.callsOf('chat.postMessage').some((c) => /study plan is ready/i.test(JSON.stringify(c.args))),
        'the plan',
        () => '',
      );
      for (const text of AFTER_PLAN) await send(text);
      // Everything the core said is shown in the DM (the refusal privately, as an ephemeral).
      const shown = JSON.stringify(
        [...h.fake.callsOf('chat.postMessage'), ...h.fake.callsOf('chat.postEphemeral')].map((c) => c.args),
      );
      expect(shown).toContain(strings.rateLimited.slice(0, 30));
      results.slack = replies;
    } finally {
      await h.stop();
      await plans.close();
    }
  });

  test('Discord (DM through the real discord.js adapter and the fake Discord)', async () => {
    const deliverers = new DeliveryRegistry();
    const plans = memoryPlans(deliverers);
    const bot = await startBot({
      plans: plans.service,
      companion: plans.companion,
      questionRateLimit: RATE_LIMIT,
      mentor: mentorWithCurriculum(),
    });
    deliverers.register(
      new DiscordPlanDeliverer({
        token: bot.fake.token,
        apiUrl: bot.fake.apiUrl,
        tokens: new MemoryInteractionTokenStore(),
        logger: silentLogger,
      }),
      discordTargetSchema,
    );
    const replies = record(bot.core);
    try {
      const place = dmPlace();
      const send = async (text: string) => {
        const before = replies.length;
        bot.fake.message({ author: bot.user, place, content: text });
        await until(
          () => replies.length > before,
          `the reply to "${text}"`,
          () => JSON.stringify(replies),
        );
      };
      for (const text of BEFORE_PLAN) await send(text);
      await until(
        () => bot.fake.requests.some((r) => /study plan is ready/i.test(JSON.stringify(r.body ?? ''))),
        'the plan',
        () => '',
      );
      for (const text of AFTER_PLAN) await send(text);
      results.discord = replies;
    } finally {
      await bot.stop();
      await plans.close();
    }
  });

  test('the terminal (`npm start` with no tokens) and every platform got the same core replies', async () => {
    expect(results.slack).toHaveLength(SCRIPT.length);
    expect(results.discord?.map(signature)).toEqual(results.slack?.map(signature));
    const types = results.slack!.map((r) => (r.type === 'error' || r.type === 'notice' ? r.id : r.type));
    expect(types).toEqual([
      'answer',
      'answer',
      'answer',
      'topic-page',
      'help',
      'plan-request',
      'plan-request',
      'plan',
      'plan-done',
      'plan.timezone-invalid',
      'plan.timezone',
      'plan.checkins-off',
      'plan.pause',
      'plan-calendar',
      'answer',
      'answer',
      'rate-limited',
    ]);
    const [, typo, unknown] = results.slack! as Extract<CoreReply, { type: 'answer' }>[];
    expect(typo!.answer.corrections.length).toBeGreaterThan(0);
    expect(unknown!.answer.matched).toBe(false);

    // The terminal: the built bot through npm itself, its replies rendered from the same core replies.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? ROOT,
      QUESTION_RATE_LIMIT: String(RATE_LIMIT),
    };
    const child: ChildProcess = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const prompts = () => output.split('you › ').length - 1;
    try {
      await until(
        () => prompts() >= 1,
        'the terminal chat',
        () => output,
        60_000,
      );
      const send = async (text: string) => {
        const before = prompts();
        child.stdin!.write(`${text}\n`);
        await until(
          () => prompts() > before,
          `the reply to "${text}"`,
          () => output,
          15_000,
        );
      };
      for (const text of BEFORE_PLAN) await send(text);
      await until(
        () => output.includes('Your study plan is ready:'),
        'the plan',
        () => output,
        15_000,
      );
      for (const text of AFTER_PLAN) await send(text);
      for (const reply of results.slack!) {
        if (reply.type === 'plan-request' && reply.result.status !== 'invalid') continue;
        if (reply.type === 'plan-calendar') {
          expect(output).toContain(reply.message);
          for (const summary of reply.ics.match(/^SUMMARY:.*$/gm) ?? []) expect(output).toContain(summary);
          continue;
        }
        expect(output).toContain(renderReplyText(reply, plainStyle, '/', { sized: true }));
      }
      expect(output).toMatch(/study plan is (queued|being built)/);
    } finally {
      child.stdin!.end();
      await stopProcess(child);
    }
  }, 120_000);
});
