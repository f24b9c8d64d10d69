import { randomBytes } from 'node:crypto';
import { buildSlackDeliverer } from '../../src/adapters/slack/build-slack-adapter';
import { RedisInstallationStore } from '../../src/adapters/slack/oauth/redis-installation-store';
import { SealedBox } from '../../src/adapters/slack/oauth/sealed-box';
import { JSON_TYPE, signedPost } from '../fakes/slack/signed-requests';
import { useTestRedis } from '../helpers/use-redis';
import { samplePlan } from './helpers/in-test-plan-service';
import { SECRET, SlackHarness } from './helpers/slack-harness';

const ctx = useTestRedis();
const KEY = randomBytes(32);
let installations: RedisInstallationStore;
let h: SlackHarness;
let seq = 0;

/** An Events API delivery from one workspace, signed as Slack signs it. */
function eventFrom(teamId: string, event: Record<string, unknown>) {
  const body = JSON.stringify({
    token: 'unused',
    team_id: teamId,
    api_app_id: 'A0001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: `EvOAuth${++seq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: teamId, user_id: `UBOT${teamId}`, is_bot: true, is_enterprise_install: false },
    ],
  });
  return signedPost({ url: h.url, secret: SECRET, body, contentType: JSON_TYPE });
}

const dm = (text: string) => ({
  type: 'message',
  channel_type: 'im',
  user: 'U0042',
  text,
  ts: `1700000${100 + seq}.000100`,
  channel: 'D0042',
});

beforeAll(async () => {
  installations = new RedisInstallationStore(ctx.redis, new SealedBox(KEY), 'oauth-test');
  h = new SlackHarness({ installations });
  await h.start();
  h.fake.oauthRedirectUrl = h.url.replace('/slack/events', '/slack/oauth_redirect');
});
afterAll(() => h?.stop());

/** The browser's walk through the install: /slack/install, Slack's authorize page, back to the app. */
async function install(): Promise<Response> {
  const start = await fetch(h.url.replace('/slack/events', '/slack/install'), { redirect: 'manual' });
  expect(start.status).toBe(302);
  const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.pathname).toBe('/oauth/v2/authorize');
  expect(authorize.searchParams.get('scope')).toContain('chat:write');
  const approved = await fetch(authorize, { redirect: 'manual' });
  expect(approved.status).toBe(302);
  return fetch(approved.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
}

describe('Slack across workspaces (Bolt OAuth, installations in Redis)', () => {
  test('GIVEN an install through Slack THEN oauth.v2.access is called and the installation is stored encrypted', async () => {
    const done = await install();
    expect(done.status).toBe(200);
    const [access] = h.fake.callsOf('oauth.v2.access');
    expect(access).toBeDefined();
    const token = [...h.fake.workspaceTokens.keys()][0]!;
    const stored = await ctx.redis.get('oauth-test:slack:installation:team:T0002');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('T0002');
    expect(await installations.botTokenOf('T0002')).toBe(token);
  });

  test('GIVEN a DM in the installed workspace THEN it is answered with that workspace token', async () => {
    h.fake.reset();
    expect((await eventFrom('T0002', dm('What is Go?'))).status).toBe(200);
    const [post] = await h.fake.waitForCalls('chat.postMessage');
    const token = [...h.fake.workspaceTokens.keys()][0]!;
    expect(post!.token).toBe(token);
    expect(post!.args.channel).toBe('D0042');
    expect(String(post!.args.text)).toContain('Go');
  });

  test('GIVEN a finished plan for that workspace THEN the deliverer posts it with that workspace token', async () => {
    h.fake.reset();
    const deliverer = buildSlackDeliverer({ apiUrl: h.fake.apiUrl }, h.logger, 'error', (teamId) =>
      teamId ? installations.botTokenOf(teamId) : Promise.resolve(undefined),
    );
    const data = { userId: 'U0042', channelId: 'C0042', teamId: 'T0002' };
    const target = { platform: 'slack', data };
    await deliverer.deliver(target, samplePlan(1), 'job-oauth-1');
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.token === [...h.fake.workspaceTokens.keys()][0])).toBe(true);
    await expect(
      deliverer.deliver(
        { platform: 'slack', data: { ...data, teamId: 'T0404' } },
        samplePlan(1),
        'job-oauth-2',
      ),
    ).rejects.toThrow(/not installed in workspace T0404/);
  });

  test('GIVEN a workspace that never installed the app THEN nothing is answered there', async () => {
    h.fake.reset();
    await eventFrom('T0404', dm('What is Go?'));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
  });

  test('GIVEN app_uninstalled THEN the installation is deleted and the workspace gets no answer after', async () => {
    await eventFrom('T0002', { type: 'app_uninstalled' });
    h.fake.revokeWorkspace('T0002');
    for (let i = 0; i < 50 && (await ctx.redis.exists('oauth-test:slack:installation:team:T0002')); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await ctx.redis.exists('oauth-test:slack:installation:team:T0002')).toBe(0);
    h.fake.reset();
    await eventFrom('T0002', dm('What is Go?'));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
  });

  test('GIVEN a reinstall and then tokens_revoked for the bot THEN the installation is deleted again', async () => {
    expect((await install()).status).toBe(200);
    expect(await installations.botTokenOf('T0002')).toBeDefined();
    await eventFrom('T0002', { type: 'tokens_revoked', tokens: { bot: ['UBOTT0002'] } });
    for (let i = 0; i < 50 && (await installations.botTokenOf('T0002')); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await installations.botTokenOf('T0002')).toBeUndefined();
  });
});

describe('SealedBox', () => {
  test('GIVEN a sealed value THEN it opens with the same key and context only, and an altered one fails', () => {
    const box = new SealedBox(KEY);
    const sealed = box.seal('xoxb-secret', 'key-a');
    expect(box.open(sealed, 'key-a')).toBe('xoxb-secret');
    expect(() => box.open(sealed, 'key-b')).toThrow();
    expect(() => new SealedBox(randomBytes(32)).open(sealed, 'key-a')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xoxb-SECRET').toString('base64url');
    expect(() => box.open(parts.join('.'), 'key-a')).toThrow();
    expect(box.seal('same', 'k')).not.toBe(box.seal('same', 'k'));
  });
});
