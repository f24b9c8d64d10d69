import { FakeDiscord, type Json } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace, opt, slashInteraction } from '../fakes/discord/payloads';
import { runBuilt, stopProcess, until } from '../helpers/built-process';

/** The port a built process logged for `message` (JSON log lines), once it has. */
function loggedPort(output: () => string, message: string): number | undefined {
  for (const line of output().split('\n')) {
    if (!line.includes(message)) continue;
    try {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) return port;
    } catch {}
  }
  return undefined;
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('the built bot, scaled out', () => {
  test('GIVEN DISCORD_SHARDS=2 and DISCORD_SHARD_IDS=1 THEN it identifies as shard 1 of 2 and /readyz names that shard', async () => {
    const bot = runBuilt({
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: '2',
      DISCORD_SHARD_IDS: '1',
      OPS_PORT: '0',
    });
    try {
      await until(() => fake.gateway.shards.some(([id]) => id === 1), 'shard 1 to identify', bot.output);
      expect(fake.gateway.identifies.at(-1)?.shard).toEqual([1, 2]);
      await until(
        () => loggedPort(bot.output, 'ops server listening') !== undefined,
        'the ops port',
        bot.output,
      );
      const ops = `http://127.0.0.1:${loggedPort(bot.output, 'ops server listening')}`;
      await until(() => bot.output().includes('"ready"'), 'ready', bot.output);
      const ready = (await (await fetch(`${ops}/readyz`)).json()) as { checks: Record<string, boolean> };
      expect(ready.checks).toMatchObject({ discord: true, 'discord-shard-1': true });
      expect(Object.keys(ready.checks)).not.toContain('discord-shard-0');
      const metrics = await (await fetch(`${ops}/metrics`)).text();
      expect(metrics).toContain('backend_mentor_gateway_shard_ready{platform="discord",shard="1"} 1');
    } finally {
      expect(await stopProcess(bot.child)).toBe(0);
    }
  });

  test('GIVEN DISCORD_SHARD_IDS=none and DISCORD_PUBLIC_KEY THEN no gateway connection; PING and /ask are answered over HTTP', async () => {
    const identified = fake.gateway.identifies.length;
    const bot = runBuilt({
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKey,
      DISCORD_SHARD_IDS: 'none',
      PORT: '0',
    });
    try {
      const logged = () => loggedPort(bot.output, 'discord http interactions listening');
      await until(() => logged() !== undefined, 'the interactions port', bot.output);
      const url = `http://127.0.0.1:${logged()}/discord/interactions`;
      expect(await fake.postInteraction(url, { id: '1', type: 1 })).toEqual({
        status: 200,
        body: { type: 1 },
      });
      expect((await fake.postInteraction(url, { id: '1', type: 1 }, { signature: 'forged' })).status).toBe(
        401,
      );
      const payload = slashInteraction({ appId: fake.appId, user: fakeUser(), place: guildPlace() }, 'ask', [
        opt.string('question', 'What is gRPC?'),
      ]);
      const answer = await fake.postInteraction(url, payload);
      expect((answer.body as Json).data.embeds[0].title).toBe('gRPC');
      expect(fake.gateway.identifies.length).toBe(identified);
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      expect(await stopProcess(bot.child)).toBe(0);
    }
  });
});
