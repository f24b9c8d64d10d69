import { ChannelPacer } from '../../src/adapters/slack/channel-pacer';
import { SlackPlanDeliverer } from '../../src/adapters/slack/slack-deliverer';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { samplePlan } from './helpers/in-test-plan-service';
import { recordingLogger } from './helpers/slack-harness';
import { expectWithinSlackLimits } from './helpers/slack-limits';

const fake = new FakeSlackApi();
const logger = recordingLogger();
const deliverer = () =>
  new SlackPlanDeliverer({
    botToken: fake.validBotToken,
    apiUrl: fake.apiUrl,
    logger,
    logLevel: 'error',
    minIntervalMs: 0,
  });

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

describe('SlackPlanDeliverer', () => {
  test('GIVEN a target thread THEN the plan is posted in that thread with the bot token, nothing else', async () => {
    await deliverer().deliver(
      { platform: 'slack', data: { userId: 'U0001', channelId: 'C0001', threadTs: '1700000000.000100' } },
      samplePlan(2),
      'job-1',
    );
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    const [call] = fake.calls;
    expect(call!.token).toBe(fake.validBotToken);
    expect(call!.args).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000100' });
    expect(String(call!.args.text)).toContain('Your study plan is ready.');
    expect(JSON.stringify(call!.args.blocks)).toContain('Topic 2.3 &lt;core&gt; &amp; more');
  });

  test('GIVEN no conversation THEN a DM is opened with conversations.open and the plan goes there', async () => {
    await deliverer().deliver({ platform: 'slack', data: { userId: 'U0042' } }, samplePlan(1), 'job-2');
    expect(fake.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    expect(fake.calls[0]!.args.users).toBe('U0042');
    expect(fake.calls[1]!.args.channel).toBe('D0042');
    expect(fake.calls[1]!.args.thread_ts).toBeUndefined();
  });

  test('GIVEN a long plan THEN several messages, each within limits: the first three at once, then one a second in that channel', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const pacer = new ChannelPacer({
      intervalMs: 1000,
      burst: 3,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    const d = new SlackPlanDeliverer({
      botToken: fake.validBotToken,
      apiUrl: fake.apiUrl,
      logger,
      logLevel: 'error',
      pacer,
    });
    await d.deliver(
      { platform: 'slack', data: { userId: 'U0001', channelId: 'D0001' } },
      samplePlan(52, 6),
      'job-3',
    );
    const posts = fake.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThan(3);
    for (const p of posts) expectWithinSlackLimits(p.args as never);
    expect(sleeps).toEqual(Array(posts.length - 3).fill(1000));
    const all = posts.map((p) => JSON.stringify(p.args.blocks)).join('');
    expect(all).toContain('Week 1 ');
    expect(all).toContain('Topic 52.6');
  });

  test('GIVEN the bot cannot post where the plan was asked THEN it is delivered by DM instead', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await deliverer().deliver(
      { platform: 'slack', data: { userId: 'U0007', channelId: 'C0PRIVATE', threadTs: '1.2' } },
      samplePlan(1),
      'job-4',
    );
    expect(fake.calls.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'conversations.open',
      'chat.postMessage',
    ]);
    expect(fake.calls[2]!.args).toMatchObject({ channel: 'D0007' });
    expect(fake.calls[2]!.args.thread_ts).toBeUndefined();
  });

  test('GIVEN a delivery that fails half-way and is resent THEN the messages already sent are not sent again', async () => {
    const d = deliverer();
    const plan = samplePlan(52, 6);
    const target = { platform: 'slack', data: { userId: 'U0001', channelId: 'D0105' } };
    fake.on('chat.postMessage', (call) =>
      fake.callsOf('chat.postMessage').length === 2
        ? { ok: false, error: 'fatal_error' }
        : fake.defaultAnswer(call),
    );
    try {
      await expect(d.deliver(target, plan, 'job-5')).rejects.toThrow(/fatal_error/);
      expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
      await d.deliver(target, plan, 'job-5', { resend: true });
      const [read] = fake.callsOf('conversations.history');
      expect(read!.args).toMatchObject({ channel: 'D0105', include_all_metadata: 'true' });
      const stored = fake.conversations.get('D0105')!;
      // Every part once, in order, each carrying the job id and its part in its metadata.
      expect(stored.map((m) => m.metadata?.event_payload)).toEqual(
        stored.map((_, part) => ({ key: 'job-5', part, parts: stored.length })),
      );
      expect(logger.lines.some((l) => l.level === 'error' && /delivery failed/.test(l.msg ?? ''))).toBe(true);
    } finally {
      fake.on('chat.postMessage', (call) => fake.defaultAnswer(call));
    }
  });

  test('GIVEN a plan delivered whole before a crash THEN a resend finds it in the conversation and posts nothing', async () => {
    const d = deliverer();
    const target = {
      platform: 'slack',
      data: { userId: 'U0001', channelId: 'C0106', threadTs: '1700000001.000100' },
    };
    await d.deliver(target, samplePlan(2), 'job-7');
    await d.deliver(target, samplePlan(2), 'job-7', { resend: true });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(fake.callsOf('conversations.replies')[0]!.args).toMatchObject({
      channel: 'C0106',
      ts: '1700000001.000100',
    });
    // Another job's resend in the same thread is not fooled by the first one's messages.
    await d.deliver(target, samplePlan(2), 'job-8', { resend: true });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  test('GIVEN a tokenFor option THEN each call carries the token of the target workspace', async () => {
    const d = new SlackPlanDeliverer({
      botToken: fake.validBotToken,
      apiUrl: fake.apiUrl,
      logger,
      logLevel: 'error',
      minIntervalMs: 0,
      tokenFor: async (teamId) => (teamId === 'T0002' ? 'xoxb-team-two' : undefined),
    });
    await d.deliver(
      { platform: 'slack', data: { userId: 'U0009', teamId: 'T0002' } },
      samplePlan(1),
      'job-9',
    );
    expect(fake.calls.map((c) => c.token)).toEqual(['xoxb-team-two', 'xoxb-team-two']);
  });

  test('GIVEN a target for another platform THEN it refuses', async () => {
    await expect(
      deliverer().deliver({ platform: 'terminal', data: { userId: 'local' } }, samplePlan(1), 'job-6'),
    ).rejects.toThrow(/terminal/);
  });
});

describe('SlackPlanDeliverer.deliverFailure', () => {
  test('GIVEN a plan that could not be made THEN the user is told where they asked, escaped', async () => {
    await deliverer().deliverFailure(
      { platform: 'slack', data: { userId: 'U0001', channelId: 'C0001', threadTs: '1.5' } },
      'I could not build your plan <sorry> & goodbye',
      'job-f1',
    );
    const [call] = fake.callsOf('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C0001', thread_ts: '1.5' });
    expect(String(call!.args.text)).toContain('I could not build your plan &lt;sorry&gt; &amp; goodbye');
  });

  test('GIVEN no conversation, or one the bot cannot post in THEN by DM', async () => {
    await deliverer().deliverFailure({ platform: 'slack', data: { userId: 'U0002' } }, 'failed', 'job-f2');
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await deliverer().deliverFailure(
      { platform: 'slack', data: { userId: 'U0003', channelId: 'C0X' } },
      'failed',
      'job-f3',
    );
    expect(fake.callsOf('chat.postMessage').map((c) => c.args.channel)).toEqual(['D0002', 'C0X', 'D0003']);
  });
});

describe('SlackPlanDeliverer.deliverCheckin', () => {
  test("GIVEN a check-in THEN one message with its buttons (the actions' ids), and the same key again posts nothing", async () => {
    const content = {
      planId: 'p1',
      week: 2,
      weeksTotal: 6,
      thisWeek: [],
      openFromLastWeek: [],
      actions: [
        { kind: 'tick' as const, id: 'checkin:tick:go', label: 'Done: Go', topicId: 'go' },
        { kind: 'stop' as const, id: 'checkin:stop', label: 'Stop check-ins' },
      ],
      text: '**Week 2 of 6**\n- [ ] **Go** (4 h)',
    };
    const target = { platform: 'slack', data: { userId: 'U0011' } };
    await deliverer().deliverCheckin(target, content, 'p1:w2');
    await deliverer().deliverCheckin(target, content, 'p1:w2');
    const posts = fake.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks as { type: string; elements?: { action_id: string }[] }[];
    expect(blocks.find((b) => b.type === 'actions')!.elements!.map((e) => e.action_id)).toEqual([
      'checkin:tick:go',
      'checkin:stop',
    ]);
    expect(String(posts[0]!.args.text)).toContain('*Week 2 of 6*');
  });
});
