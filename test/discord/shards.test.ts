import { FakeDiscord, type Json } from '../fakes/discord/fake-discord';
import { shardOf } from '../fakes/discord/fake-gateway';
import { fakeUser, guildPlace, type Place } from '../fakes/discord/payloads';
import { type Bot, startBot } from './harness';

/** A guild id on shard `shard` of `count` ((id >> 22) % count, as Discord routes guild events). */
const guildOn = (shard: number, count: number, n: number) =>
  ((BigInt(1000 * count + shard + n * count) << 22n) | 7n).toString();

/** DMs to and mentions of the bot in several guilds; resolves with how many replies each got. */
async function conversation(fake: FakeDiscord, guilds: string[], dms: number): Promise<number[]> {
  const user = fakeUser('ada');
  const bot = { ...fake.botUser, global_name: null };
  const sent: { place: Place; message: Json }[] = [];
  for (let i = 0; i < dms; i++) {
    const place: Place = { kind: 'dm', channelId: `30000000000000${1000 + i}` };
    sent.push({ place, message: fake.message({ author: user, place, content: 'What is gRPC?' }) });
  }
  for (const guildId of guilds) {
    const place = guildPlace(guildId);
    const content = `<@${bot.id}> What is gRPC?`;
    sent.push({ place, message: fake.message({ author: user, place, content, mentions: [bot] }) });
  }
  const repliesTo = (s: (typeof sent)[number]) =>
    fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${s.place.channelId}/messages`);
  await Promise.all(
    sent.map((s) =>
      fake.waitFor(
        (r) => r.method === 'POST' && r.path === `/channels/${s.place.channelId}/messages`,
        10_000,
      ),
    ),
  );
  // Time for a second answer to arrive, if one were coming.
  await new Promise((r) => setTimeout(r, 400));
  return sent.map((s) => repliesTo(s).length);
}

describe('two bot processes, a shard each (DISCORD_SHARDS=2, DISCORD_SHARD_IDS=0 and =1)', () => {
  let fake: FakeDiscord;
  let first: Bot;
  let second: Bot;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    first = await startBot({ sharedFake: fake, shards: { count: 2, ids: [0] } });
    second = await startBot({ sharedFake: fake, shards: { count: 2, ids: [1] } });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await fake.close();
  });

  test('GIVEN the two processes THEN each identified with its own shard of two', () => {
    expect(fake.gateway.identifies.map((d) => d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(first.adapter.shards()).toEqual([{ id: 0, ready: true, pingMs: expect.any(Number) }]);
    expect(second.adapter.shards()).toEqual([{ id: 1, ready: true, pingMs: expect.any(Number) }]);
  });

  test('GIVEN DMs and mentions in guilds of both shards THEN every one is answered exactly once', async () => {
    const guilds = [guildOn(0, 2, 0), guildOn(1, 2, 0), guildOn(0, 2, 1), guildOn(1, 2, 1)];
    expect(guilds.map((g) => shardOf({ guild_id: g }, 2))).toEqual([0, 1, 0, 1]);
    const replies = await conversation(fake, guilds, 3);
    expect(replies).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('two bot processes without shards (the problem sharding solves)', () => {
  test('GIVEN both run every shard THEN each DM and mention is answered twice', async () => {
    const fake = await FakeDiscord.start();
    const first = await startBot({ sharedFake: fake });
    const second = await startBot({ sharedFake: fake });
    try {
      expect(await conversation(fake, [guildOn(0, 2, 0)], 1)).toEqual([2, 2]);
    } finally {
      await first.stop();
      await second.stop();
      await fake.close();
    }
  });
});

describe('one process running every shard of DISCORD_SHARDS=auto', () => {
  test('GIVEN Discord recommends 2 shards THEN the client runs both and answers guilds of each', async () => {
    const fake = await FakeDiscord.start({ recommendedShards: 2 });
    const bot = await startBot({ sharedFake: fake, shards: { count: 'auto' } });
    try {
      expect(bot.adapter.shards().map((s) => s.id)).toEqual([0, 1]);
      expect(await conversation(fake, [guildOn(0, 2, 0), guildOn(1, 2, 0)], 1)).toEqual([1, 1, 1]);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
