import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { FORM, signedPost, slashCommandBody } from '../fakes/slack/signed-requests';
import { runBuilt as runBot, stopProcess, until } from '../helpers/built-process';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server';

const SECRET = 'restart-signing-secret';

describe('the bot restarted between a plan request and its delivery', () => {
  const fake = new FakeSlackApi();
  let redis: TestRedis;
  beforeAll(async () => {
    await fake.start();
    redis = await startRedis({ appendonly: true });
  });
  afterAll(async () => {
    await fake.stop();
    await redis.destroy();
  });

  test('GIVEN a plan queued by a bot that then dies THEN the restarted bot delivers it, exactly once', async () => {
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: fake.validBotToken,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      REDIS_URL: redis.url,
    };
    // First life: takes the request, has no worker, and is killed before anything is delivered.
    const first = runBot({ ...env, PLAN_WORKER: 'false' });
    await until(() => /slack adapter connected/.test(first.output()), 'the first bot', first.output);
    await signedPost({
      url: `http://127.0.0.1:${port}/slack/events`,
      secret: SECRET,
      body: slashCommandBody({
        text: 'plan python django weeks=3 hours=6',
        responseUrl: fake.responseUrl('restart-plan'),
        userId: 'U0RESTART',
      }),
      contentType: FORM,
    });
    await fake.waitFor(
      () => fake.calls.find((c) => c.responseId === 'restart-plan'),
      10_000,
      'the queued notice',
    );
    await stopProcess(first.child, 'SIGKILL');
    expect(fake.callsOf('conversations.open')).toHaveLength(0);

    // Second life: the same configuration with its in-process worker picks the job up.
    const second = runBot(env);
    try {
      const delivered = await fake.waitFor(
        () => fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0RESTART'),
        20_000,
        'the plan by DM',
      );
      expect(String(delivered.args.text)).toContain('Your study plan is ready');
      // Give a duplicate every chance to appear, then count.
      await new Promise((r) => setTimeout(r, 2000));
      const posts = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'D0RESTART');
      const starts = posts.filter((c) => String(c.args.text).includes('Your study plan is ready'));
      expect(starts).toHaveLength(1);
      expect(fake.callsOf('conversations.open')).toHaveLength(1);
    } finally {
      expect(await stopProcess(second.child)).toBe(0);
    }
  }, 60_000);
});
