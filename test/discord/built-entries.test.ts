import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { FakeDiscord } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt } from '../fakes/discord/payloads';
import { startRedis } from '../helpers/redis-server';

const ROOT = join(__dirname, '../..');

function run(entry: string, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('the built bot (node dist/main.js) with DISCORD_* pointing at a fake', () => {
  let bot: ReturnType<typeof run> & { child: ChildProcess };
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  });

  test('GIVEN only DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_API_URL THEN it logs in and answers /ask, and exits cleanly on SIGTERM', async () => {
    const identified = fake.gateway.identifies.length;
    bot = run('dist/main.js', {
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
    });
    await fake.gateway.whenIdentifiedTimes(identified + 1);
    const interaction = fake.slash('ask', [opt.string('question', 'What does a backend engineer do?')], {
      user: fakeUser('grace'),
      place: guildPlace(),
    });
    const callback = await fake.callbackOf(interaction.id, 10_000);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].description.length).toBeGreaterThan(20);
    expect(fake.gateway.identifies.at(-1)?.intents).toBe(1 + 512 + 4096);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.err()).not.toContain(fake.token);
    expect(bot.err()).not.toContain(interaction.token);
  });

  test.each([
    ['in memory (no REDIS_URL)', false],
    ['on Redis (BullMQ, in-process worker)', true],
  ])('GIVEN /plan new %s THEN the plan replaces the queued message', async (_, withRedis) => {
    const redis = withRedis ? await startRedis() : undefined;
    const identified = fake.gateway.identifies.length;
    try {
      bot = run('dist/main.js', {
        DISCORD_TOKEN: fake.token,
        DISCORD_APP_ID: fake.appId,
        DISCORD_API_URL: fake.apiUrl,
        ...(redis ? { REDIS_URL: redis.url, PLAN_QUEUE_NAME: 'built-e2e' } : {}),
      });
      await fake.gateway.whenIdentifiedTimes(identified + 1);
      const interaction = fake.slash('plan', [opt.sub('new', [opt.string('stack', 'java spring')])], {
        user: fakeUser('grace'),
        place: guildPlace(),
      });
      const edits = async () => fake.requestsTo(interaction.token).filter((r) => r.method === 'PATCH');
      for (let i = 0; (await edits()).length < 2; i++) {
        if (i > 500) throw new Error(`plan not delivered: ${bot.err()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const [status, plan] = await edits();
      expect((await fake.callbackOf(interaction.id)).body).toEqual({ type: 5, data: { flags: 64 } });
      expect(status!.body.content).toMatch(/queued|being built/);
      expect(plan!.body.embeds[0].title).toBe('Your study plan is ready');
      expect(plan!.files[0]!.filename).toBe('study-plan.md');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.err()).not.toContain(interaction.token);
    } finally {
      await redis?.destroy();
    }
  });

  test('GIVEN the bot without a worker and `npm run worker` (dist/worker.js) beside it THEN the worker process delivers over REST alone', async () => {
    const redis = await startRedis();
    const identified = fake.gateway.identifies.length;
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      PLAN_QUEUE_NAME: 'built-worker',
    };
    const worker = run('dist/worker.js', env);
    try {
      bot = run('dist/main.js', { ...env, PLAN_WORKER: 'false' });
      await fake.gateway.whenIdentifiedTimes(identified + 1);
      const interaction = fake.slash('plan', [opt.sub('new', [opt.string('stack', 'node express')])], {
        user: fakeUser('ken'),
        place: guildPlace(),
      });
      const plan = await fake.waitFor(
        (r) => r.method === 'PATCH' && r.path.includes(interaction.token) && r.body?.embeds?.length > 0,
        15_000,
      );
      expect(plan.body.embeds[0].title).toBe('Your study plan is ready');
      // The worker never opened a gateway connection: one IDENTIFY, the bot's.
      expect(fake.gateway.identifies.length).toBe(identified + 1);
      expect(worker.err()).toMatch(/plan worker started/);
      expect(worker.err()).not.toContain(interaction.token);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await redis.destroy();
    }
  });

  test('GIVEN a malformed DISCORD_APP_ID THEN it exits with a message naming the variable', async () => {
    bot = run('dist/main.js', { DISCORD_TOKEN: fake.token, DISCORD_APP_ID: 'not-an-id' });
    expect(await bot.exited).toBe(1);
    expect(bot.err()).toContain('DISCORD_APP_ID');
    expect(bot.err()).not.toContain(fake.token);
  });

  test('GIVEN a token Discord rejects THEN it exits with a clear message', async () => {
    bot = run('dist/main.js', {
      DISCORD_TOKEN: 'wrong-token.abcdefghijklmnopqrstuvwxyz',
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.err()).toContain('Discord rejected DISCORD_TOKEN');
  });
});

describe('npm run discord:deploy (node dist/discord-deploy.js)', () => {
  const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl });

  test('GIVEN no guild THEN it overwrites the global commands with one PUT, usable in servers, DMs and user installs', async () => {
    const deploy = run('dist/discord-deploy.js', env());
    expect(await deploy.exited).toBe(0);
    expect(deploy.out()).toContain('Registered 4 commands globally');
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, r.status])).toEqual([[`/applications/${fake.appId}/commands`, 200]]);
    const body = puts[0]!.body as { name: string; contexts: number[]; integration_types: number[] }[];
    expect(body.map((c) => c.name)).toEqual(['ask', 'topics', 'plan', 'help']);
    for (const command of body) {
      expect(command.contexts).toEqual([0, 1, 2]);
      expect(command.integration_types).toEqual([0, 1]);
    }
    expect(fake.commands.global).toHaveLength(4);
  });

  test("GIVEN --guild ID THEN it overwrites that guild's commands only", async () => {
    const deploy = run('dist/discord-deploy.js', env(), ['--guild', '123456789012345678']);
    expect(await deploy.exited).toBe(0);
    expect(deploy.out()).toContain('in guild 123456789012345678');
    const put = fake.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/123456789012345678/commands`);
    expect(put.status).toBe(200);
    expect(put.body[0]).not.toHaveProperty('contexts');
  });

  test('GIVEN no DISCORD_TOKEN THEN it explains what is missing and registers nothing', async () => {
    const before = fake.requests.length;
    const deploy = run('dist/discord-deploy.js', {
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await deploy.exited).toBe(1);
    expect(deploy.err()).toContain('DISCORD_TOKEN');
    expect(fake.requests.length).toBe(before);
  });

  test('GIVEN a rejected token THEN it fails with the HTTP status', async () => {
    const deploy = run('dist/discord-deploy.js', {
      ...env(),
      DISCORD_TOKEN: 'wrong-token.abcdefghijklmnopqrstuvwxyz',
    });
    expect(await deploy.exited).toBe(1);
    expect(deploy.err()).toContain('HTTP 401');
    expect(deploy.err()).not.toContain('wrong-token.abcdefghijklmnopqrstuvwxyz');
  });
});
