import { BotError } from '../../src/core/errors';
import { MemoryInsightsStore } from '../../src/core/insights';
import { Mentor } from '../../src/core/mentor';
import { opt } from '../fakes/discord/payloads';
import { mentorFor } from '../helpers/knowledge';
import { startBot } from './harness';

describe('failures are answered, never left to time out', () => {
  test('GIVEN the core throws THEN the user gets a private apology and the error is logged', async () => {
    const broken = new Mentor({
      knowledge: () => {
        throw new Error('index exploded');
      },
    });
    const bot = await startBot({ mentor: broken });
    try {
      const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
        user: bot.user,
        place: bot.guild,
      });
      const { body } = await bot.fake.callbackOf(interaction.id);
      expect(body).toMatchObject({
        type: 4,
        data: { flags: 64, content: expect.stringMatching(/something went wrong/) },
      });
      expect(
        bot.log.lines.some((l) => l.level === 'error' && JSON.stringify(l.obj).includes('index exploded')),
      ).toBe(true);
      const auto = bot.fake.autocomplete('ask', [opt.string('question', 'gr', true)], {
        user: bot.user,
        place: bot.guild,
      });
      expect((await bot.fake.callbackOf(auto.id)).body).toEqual({ type: 8, data: { choices: [] } });
    } finally {
      await bot.stop();
    }
  });

  test('GIVEN a BotError THEN its own message is shown', async () => {
    const broken = new Mentor({
      knowledge: () => {
        throw new BotError('knowledge.not-loaded', 'The knowledge is still loading.');
      },
    });
    const bot = await startBot({ mentor: broken });
    try {
      const interaction = bot.fake.slash('topics', [], { user: bot.user, place: bot.guild });
      const { body } = await bot.fake.callbackOf(interaction.id);
      expect(body.data).toMatchObject({ flags: 64, content: 'The knowledge is still loading.' });
    } finally {
      await bot.stop();
    }
  });

  test('GIVEN a slow store THEN the answer is deferred before Discord gives up, then edited in', async () => {
    class SlowInsights extends MemoryInsightsStore {
      override async recordAnswer(...args: Parameters<MemoryInsightsStore['recordAnswer']>) {
        await new Promise((r) => setTimeout(r, 600));
        return super.recordAnswer(...args);
      }
    }
    const bot = await startBot({ insights: new SlowInsights(), mentor: mentorFor(), ackAfterMs: 100 });
    try {
      const interaction = bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
        user: bot.user,
        place: bot.guild,
      });
      const callback = await bot.fake.callbackOf(interaction.id);
      expect(callback.body.type).toBe(5);
      expect(callback.body.data.flags ?? 0).toBe(0);
      const edit = await bot.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
      expect(edit.status).toBe(200);
      expect(edit.body.embeds[0].title).toBe('gRPC');
      expect(bot.fake.original(interaction.id)?.flags).toBe(0);
      expect(bot.fake.requestsTo(interaction.token)).toHaveLength(2);
    } finally {
      await bot.stop();
    }
  });

  test('GIVEN a user over the question rate limit THEN they are told privately to slow down', async () => {
    const bot = await startBot({ questionRateLimit: 1 });
    try {
      const ask = () =>
        bot.fake.slash('ask', [opt.string('question', 'What is gRPC?')], {
          user: bot.user,
          place: bot.guild,
        });
      const first = await bot.fake.callbackOf(ask().id);
      expect(first.body.data.flags ?? 0).toBe(0);
      const second = await bot.fake.callbackOf(ask().id);
      expect(second.body.data).toMatchObject({
        flags: 64,
        content: expect.stringMatching(/faster than I can keep up/),
      });
    } finally {
      await bot.stop();
    }
  });
});
