import type { Answer } from '../../src/core/answers/compose-answer';
import { RedisInsightsStore } from '../../src/stores/redis-insights-store';
import { RedisRateLimiter } from '../../src/stores/redis-rate-limiter';
import { useTestRedis } from '../helpers/use-redis';

const answer = (question: string, matched: boolean, title = 'Go'): Answer => ({
  question,
  matched,
  markdown: '',
  sources: matched ? [{ id: 'x', key: 'k', title, path: [title] }] : [],
  related: [],
  corrections: [],
  confidence: matched ? 1 : 0,
});

describe('Redis stores', () => {
  const ctx = useTestRedis();

  test('GIVEN unanswered questions from several processes THEN the report counts them, most frequent first', async () => {
    const a = new RedisInsightsStore(ctx.redis, 'p1');
    const b = new RedisInsightsStore(ctx.redis, 'p1');
    await a.recordAnswer(answer('How much do backend engineers earn?', false));
    await b.recordAnswer(answer('how much do   backend engineers earn?', false));
    await b.recordAnswer(answer('Is Rust good?', false));
    await a.recordAnswer(answer('What is Go?', true));
    const report = await a.report();
    expect(report.unanswered).toEqual([
      { question: 'How much do backend engineers earn?', count: 2 },
      { question: 'Is Rust good?', count: 1 },
    ]);
  });

  test('GIVEN feedback THEN one vote per user per answer, not-helpful answers listed with their topic', async () => {
    const store = new RedisInsightsStore(ctx.redis, 'p2');
    const id = await store.recordAnswer(answer('What is Go?', true, 'Go'));
    expect(
      await store.recordFeedback({ answerId: id, helpful: false, platform: 'slack', userId: 'U1' }),
    ).toBe(true);
    expect(
      await store.recordFeedback({ answerId: id, helpful: false, platform: 'slack', userId: 'U1' }),
    ).toBe(true);
    expect(
      await store.recordFeedback({ answerId: id, helpful: true, platform: 'discord', userId: 'U1' }),
    ).toBe(true);
    expect(
      await store.recordFeedback({ answerId: 'zzz', helpful: true, platform: 'slack', userId: 'U1' }),
    ).toBe(false);
    const report = await store.report();
    expect(report.feedback).toEqual({ helpful: 1, notHelpful: 1 });
    expect(report.notHelpful).toEqual([{ question: 'What is Go?', title: 'Go', count: 1 }]);
  });

  test('GIVEN two limiters on one Redis THEN they share the count of a user, per window', async () => {
    let now = 1_000_000;
    const one = new RedisRateLimiter(ctx.redis, 3, 60_000, 'p3', () => now);
    const two = new RedisRateLimiter(ctx.redis, 3, 60_000, 'p3', () => now);
    expect([await one.take('u'), await two.take('u'), await one.take('u'), await two.take('u')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(await one.take('other')).toBe(true);
    now += 60_000;
    expect(await two.take('u')).toBe(true);
  });
});
