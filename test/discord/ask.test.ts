import { opt } from '../fakes/discord/payloads';
import { type Bot, startBot } from './harness';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

describe('/ask', () => {
  test('GIVEN a covered question THEN it replies once (callback type 4) with an answer embed and buttons', async () => {
    const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
      user: bot.user,
      place: bot.guild,
    });
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback).toMatchObject({
      method: 'POST',
      path: `/interactions/${interaction.id}/${interaction.token}/callback`,
      status: 204,
    });
    const body = callback.body;
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toBe('gRPC');
    expect(body.data.embeds[0].description).toContain('high performance');
    expect(body.data.embeds[0].fields[0].value).toContain('APIs › gRPC');
    const [related, feedback] = body.data.components;
    expect(related.components.map((b: { label: string }) => b.label)).toEqual(['RESTful APIs', 'GraphQL']);
    expect(related.components[0].custom_id).toMatch(/^bm:topic:[\w-]{10}$/);
    expect(feedback.components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      expect.stringMatching(/^bm:fb:\w+:1$/),
      expect.stringMatching(/^bm:fb:\w+:0$/),
    ]);
    expect(bot.fake.requestsTo(interaction.token)).toHaveLength(1);
  });
});
