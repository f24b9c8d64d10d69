import { opt } from '../fakes/discord/payloads';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

describe('/topics', () => {
  test('GIVEN no category THEN it lists the whole tree privately', async () => {
    const interaction = bot.fake.slash('topics', [], { user: bot.user, place: bot.guild });
    const { body, status } = await bot.fake.callbackOf(interaction.id);
    expect(status).toBe(204);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toMatch(/^Topics I know \(\d+\)$/);
    expect(body.data.embeds[0].description).toContain('**Backend Engineer Role**');
    expect(body.data.embeds[0].description).toContain('- Databases');
  });

  test('GIVEN a category THEN only that part of the tree is listed', async () => {
    const interaction = bot.fake.slash('topics', [opt.string('category', 'databases')], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.embeds[0].title).toMatch(/^Topics matching "databases"/);
    expect(body.data.embeds[0].description).toContain('Graph Databases');
    expect(body.data.embeds[0].description).not.toContain('gRPC');
  });

  test('GIVEN a category that matches nothing, with a ping in it THEN it says so without any ping', async () => {
    const interaction = bot.fake.slash('topics', [opt.string('category', '@everyone knitting')], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.content).toMatch(/No topics match/);
    expect(body.data.content).not.toContain('@everyone');
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN a partial category THEN autocomplete offers section titles', async () => {
    const interaction = bot.fake.autocomplete('topics', [opt.string('category', 'data', true)], {
      user: bot.user,
      place: bot.guild,
    });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.type).toBe(8);
    expect(body.data.choices[0]).toEqual({ name: 'Databases', value: 'Databases' });
  });
});

describe('/help', () => {
  test('GIVEN /help THEN it lists every command with its options, privately', async () => {
    const interaction = bot.fake.slash('help', [], { user: bot.user, place: bot.dm });
    const { body } = await bot.fake.callbackOf(interaction.id);
    expect(body.data.flags).toBe(64);
    const text = body.data.embeds[0].description as string;
    for (const usage of [
      '/ask question',
      '/topics [category]',
      '/plan new stack [weeks] [hours] [known] [level]',
      '/plan show',
      '/plan done topic',
      '/help',
    ]) {
      expect(text).toContain(`\`${usage}\``);
    }
    expect(text).toMatch(/DM me a question, or mention me/);
  });
});
