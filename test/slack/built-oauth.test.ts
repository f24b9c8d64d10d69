import { FakeSlackApi } from '../fakes/slack/fake-slack-api';
import { JSON_TYPE, signedPost } from '../fakes/slack/signed-requests';
import { runBuilt, stopProcess, until } from '../helpers/built-process';
import { startRedis, type TestRedis } from '../helpers/redis-server';

const SECRET = 'built-signing-secret';

let fake: FakeSlackApi;
let redis: TestRedis;
beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  redis = await startRedis();
});
afterAll(async () => {
  await fake.stop();
  await redis.destroy();
});

describe('the built bot installed into a workspace (SLACK_CLIENT_ID...)', () => {
  test('GIVEN an install through the fake Slack THEN a DM there is answered with its token', async () => {
    const bot = runBuilt({
      SLACK_CLIENT_ID: fake.oauthApp.clientId,
      SLACK_CLIENT_SECRET: fake.oauthApp.clientSecret,
      SLACK_STATE_SECRET: 'built-state-secret-0123456789',
      SLACK_INSTALLATION_KEY: Buffer.alloc(32, 9).toString('base64'),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      PORT: '0',
    });
    try {
      let port = 0;
      await until(
        () => {
          const line = bot
            .output()
            .split('\n')
            .find((l) => l.includes('slack adapter connected'));
          port = line ? Number((JSON.parse(line) as { port?: number }).port) : 0;
          return port > 0;
        },
        'the Slack port',
        bot.output,
      );
      const base = `http://127.0.0.1:${port}`;
      fake.oauthRedirectUrl = `${base}/slack/oauth_redirect`;
      const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
      const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
      const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
      const done = await fetch(approved.headers.get('location') ?? '', {
        headers: { cookie },
        redirect: 'manual',
      });
      expect(done.status).toBe(200);
      const body = JSON.stringify({
        team_id: 'T0002',
        api_app_id: 'A0001',
        type: 'event_callback',
        event_id: 'EvBuilt1',
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          channel_type: 'im',
          user: 'U7',
          text: 'What is Go?',
          ts: '1700000001.000100',
          channel: 'D7',
        },
        authorizations: [
          { team_id: 'T0002', user_id: 'UBOTT0002', is_bot: true, is_enterprise_install: false },
        ],
      });
      expect(
        (await signedPost({ url: `${base}/slack/events`, secret: SECRET, body, contentType: JSON_TYPE }))
          .status,
      ).toBe(200);
      const [post] = await fake.waitForCalls('chat.postMessage', 1, 10_000);
      expect(post!.token).toBe([...fake.workspaceTokens.keys()][0]);
      expect(bot.output()).not.toContain(post!.token!);
      expect(bot.output()).not.toContain(fake.oauthApp.clientSecret);
    } finally {
      expect(await stopProcess(bot.child)).toBe(0);
    }
  });
});
