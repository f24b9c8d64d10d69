import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { FORM, signedPost, slashCommandBody } from '../fakes/slack/signed-requests';
import { runBuilt as runBot, stopProcess as stopBot, until as waitFor } from '../helpers/built-process';
import { freePort } from '../helpers/redis-server';

const SECRET = 'built-bot-signing-secret';

describe('the built bot (npm start) against a fake Slack', () => {
  const fake = new FakeSlackApi();
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(() => fake.stop());

  test('GIVEN SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT and SLACK_API_URL THEN HTTP mode answers a signed /mentor and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const bot = runBot({
      SLACK_BOT_TOKEN: fake.validBotToken,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: fake.apiUrl,
    });
    try {
      await waitFor(() => /slack adapter connected/.test(bot.output()), 'the Slack adapter', bot.output);
      expect(fake.callsOf('auth.test')[0]!.token).toBe(fake.validBotToken);
      const body = slashCommandBody({ text: 'What is Go?', responseUrl: fake.responseUrl('built-1') });
      const res = await signedPost({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret: SECRET,
        body,
        contentType: FORM,
      });
      expect(res.status).toBe(200);
      const post = await fake.waitFor(
        () => fake.calls.find((c) => c.responseId === 'built-1'),
        10_000,
        'the answer',
      );
      expect(post.args.response_type).toBe('ephemeral');
      expect(String(post.args.text)).toContain('*Go*');
      // Plans are wired too (in memory without REDIS_URL): queued, then delivered by DM.
      const planBody = slashCommandBody({
        text: 'plan go docker weeks=2 hours=5',
        responseUrl: fake.responseUrl('built-plan'),
        userId: 'U0BUILT',
      });
      await signedPost({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret: SECRET,
        body: planBody,
        contentType: FORM,
      });
      const queued = await fake.waitFor(
        () => fake.calls.find((c) => c.responseId === 'built-plan'),
        10_000,
        'the plan notice',
      );
      expect(String(queued.args.text)).toMatch(/I will send it here when it is ready/);
      const delivered = await fake.waitFor(
        () => fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0BUILT'),
        15_000,
        'the plan by DM',
      );
      expect(String(delivered.args.text)).toContain('Your study plan is ready');
      const bad = await signedPost({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret: 'nope',
        body,
        contentType: FORM,
      });
      expect(bad.status).toBe(401);
    } finally {
      expect(await stopBot(bot.child)).toBe(0);
    }
    expect(bot.output()).not.toContain(fake.validBotToken);
    expect(bot.output()).not.toContain(SECRET);
  });

  test('GIVEN SLACK_APP_TOKEN THEN Socket Mode connects through apps.connections.open at SLACK_API_URL and answers an envelope', async () => {
    fake.reset();
    const bot = runBot({
      SLACK_BOT_TOKEN: fake.validBotToken,
      SLACK_APP_TOKEN: fake.validAppToken,
      SLACK_API_URL: fake.apiUrl,
    });
    try {
      await fake.waitForSocket(15_000);
      expect(fake.callsOf('apps.connections.open')[0]!.token).toBe(fake.validAppToken);
      const ack = await fake.sendEnvelope('slash_commands', {
        team_id: 'T0001',
        channel_id: 'C0001',
        user_id: 'U0001',
        command: '/mentor',
        text: 'topics apis',
        response_url: fake.responseUrl('built-2'),
        trigger_id: '1.2.3',
      });
      expect(ack.payload).toEqual({});
      const post = await fake.waitFor(
        () => fake.calls.find((c) => c.responseId === 'built-2'),
        10_000,
        'the answer',
      );
      expect(JSON.stringify(post.args.blocks)).toContain('GraphQL');
    } finally {
      expect(await stopBot(bot.child)).toBe(0);
    }
    expect(bot.output()).not.toContain(fake.validAppToken);
  });

  test('GIVEN a bot token Slack rejects THEN the bot exits 1 with a message naming SLACK_BOT_TOKEN', async () => {
    const bot = runBot({
      SLACK_BOT_TOKEN: 'xoxb-rejected',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
    });
    const code = await new Promise<number | null>((r) => bot.child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(bot.output()).toContain('Slack did not accept SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    expect(bot.output()).not.toContain('xoxb-rejected');
  });
});
