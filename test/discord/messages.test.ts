import type { RecordedRequest } from '../fakes/discord/fake-discord';
import { fakeUser, guildPlace } from '../fakes/discord/payloads';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

const postsTo = (channelId: string) =>
  bot.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const nextPost = (channelId: string, after = postsTo(channelId).length): Promise<RecordedRequest> =>
  bot.fake.waitFor(
    (r) =>
      r.method === 'POST' &&
      r.path === `/channels/${channelId}/messages` &&
      postsTo(channelId).indexOf(r) >= after,
  );

describe('direct messages', () => {
  test('GIVEN a DM question THEN it answers in the DM channel with an embed and buttons, pinging no one', async () => {
    const place = { kind: 'dm' as const, channelId: '100000000000000001' };
    bot.fake.message({ author: bot.user, place, content: 'What is gRPC?' });
    const post = await nextPost(place.channelId, 0);
    expect(post.status).toBe(200);
    expect(post.authorization).toBe(`Bot ${bot.fake.token}`);
    expect(post.body.embeds[0].title).toBe('gRPC');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.body.message_reference).toBeUndefined();
    expect(post.body.components.length).toBe(2);
  });

  test('GIVEN "help" in a DM THEN it answers with the commands', async () => {
    const place = { kind: 'dm' as const, channelId: '100000000000000002' };
    bot.fake.message({ author: bot.user, place, content: 'help' });
    const post = await nextPost(place.channelId, 0);
    expect(post.body.embeds[0].description).toContain('/ask question');
  });

  test('GIVEN "topics databases" in a DM THEN it lists the matching topics', async () => {
    const place = { kind: 'dm' as const, channelId: '100000000000000003' };
    bot.fake.message({ author: bot.user, place, content: 'topics databases' });
    const post = await nextPost(place.channelId, 0);
    expect(post.body.embeds[0].description).toContain('Graph Databases');
  });
});

describe('unusual payloads', () => {
  test('GIVEN a minimal DM payload (no type, channel_type or mentions) THEN it is answered; one without an author is skipped', async () => {
    const channelId = '100000000000000004';
    bot.fake.gateway.dispatch('MESSAGE_CREATE', {
      id: '200000000000000001',
      channel_id: channelId,
      content: 'what is grpc',
    });
    bot.fake.gateway.dispatch('MESSAGE_CREATE', {
      id: '200000000000000002',
      channel_id: channelId,
      content: 'What is GraphQL?',
      author: bot.user,
    });
    const post = await nextPost(channelId, 0);
    expect(post.body.embeds[0].title).toBe('GraphQL');
    await new Promise((r) => setTimeout(r, 50));
    expect(postsTo(channelId)).toHaveLength(1);
  });
});

describe('server messages', () => {
  test('GIVEN a message that mentions the bot THEN it is answered as a reply to that message', async () => {
    const place = guildPlace();
    const message = bot.fake.message({
      author: bot.user,
      place,
      content: `<@${bot.fake.botUser.id}> what is graphql?`,
      mentions: [bot.fake.botUser],
    });
    const post = await nextPost(place.channelId, 0);
    expect(post.status).toBe(200);
    expect(post.body.message_reference).toMatchObject({ message_id: message.id, fail_if_not_exists: false });
    expect(post.body.embeds[0].title).toBe('GraphQL');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN messages without a mention, from other bots, or from itself THEN they are ignored', async () => {
    const place = guildPlace();
    bot.fake.message({ author: bot.user, place, content: 'what is graphql?' });
    bot.fake.message({
      author: { ...fakeUser('otherbot'), bot: true },
      place,
      content: `<@${bot.fake.botUser.id}> what is graphql?`,
      mentions: [bot.fake.botUser],
    });
    bot.fake.message({ author: bot.fake.botUser, place, content: 'What is gRPC?' });
    // Handled in order: when the reply to this last message arrives, the earlier ones were skipped.
    const last = bot.fake.message({
      author: bot.user,
      place,
      content: `<@!${bot.fake.botUser.id}> what is grpc`,
      mentions: [bot.fake.botUser],
    });
    const post = await nextPost(place.channelId, 0);
    expect(post.body.message_reference.message_id).toBe(last.id);
    await new Promise((r) => setTimeout(r, 50));
    expect(postsTo(place.channelId)).toHaveLength(1);
  });

  test('GIVEN a mention with @everyone and role pings in it THEN the reply can ping no one', async () => {
    const place = guildPlace();
    bot.fake.message({
      author: bot.user,
      place,
      content: `<@${bot.fake.botUser.id}> @everyone @here <@&123456789012345678> what is docker`,
      mentions: [bot.fake.botUser],
      mentionEveryone: true,
    });
    const post = await nextPost(place.channelId, 0);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(post.body)).not.toMatch(/@everyone|@here|<@&/);
  });

  test('GIVEN only a mention THEN it replies with the commands, as an empty message does everywhere', async () => {
    const place = guildPlace();
    bot.fake.message({
      author: bot.user,
      place,
      content: `<@${bot.fake.botUser.id}>`,
      mentions: [bot.fake.botUser],
    });
    const post = await nextPost(place.channelId, 0);
    expect(post.body.embeds[0].description).toContain('/ask question');
  });
});
