import type { Answer } from '../../src/core/answers/compose-answer';
import { MemoryRateLimiter, type RateLimiter } from '../../src/core/rate-limiter';
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

  /** 20 a minute: 20 uses in the last second of one minute, then 20 more in the first second of the next. */
  async function burstAcrossBoundary(make: (now: () => number) => RateLimiter): Promise<number> {
    let now = 59_000;
    const limiter = make(() => now);
    let allowed = 0;
    for (let i = 0; i < 20; i++) {
      now = 59_000 + i * 40;
      if (await limiter.take('u')) allowed++;
    }
    for (let i = 0; i < 20; i++) {
      now = 60_100 + i * 40;
      if (await limiter.take('u')) allowed++;
    }
    return allowed;
  }

  test('GIVEN bursts on both sides of a minute boundary THEN the Redis window slides: 20 in any minute, not 40', async () => {
    expect(await burstAcrossBoundary((now) => new RedisRateLimiter(ctx.redis, 20, 60_000, 'p4', now))).toBe(
      20,
    );
  });

  test('GIVEN bursts on both sides of a minute boundary THEN the memory window slides too', async () => {
    expect(await burstAcrossBoundary((now) => new MemoryRateLimiter(20, 60_000, now))).toBe(20);
    let now = 0;
    const limiter = new MemoryRateLimiter(2, 1000, () => now);
    expect([await limiter.take('u'), await limiter.take('u'), await limiter.take('u')]).toEqual([
      true,
      true,
      false,
    ]);
    now = 999;
    expect(await limiter.take('u')).toBe(false);
    now = 1000;
    expect(await limiter.take('u')).toBe(true);
  });

  test('GIVEN many different unanswered questions THEN the Redis lists stay bounded in length and age', async () => {
    let now = 1_000_000;
    const store = new RedisInsightsStore(ctx.redis, 'p5', { maxEntries: 50, maxAgeMs: 60_000 }, () => now);
    for (let i = 0; i < 200; i++) {
      now++;
      await store.recordAnswer(answer(`unknown question number ${i}`, false));
    }
    const keys = ['p5:insights:unanswered', 'p5:insights:unanswered:seen'];
    for (const key of keys) expect(await ctx.redis.zcard(key)).toBe(50);
    expect(await ctx.redis.hlen('p5:insights:unanswered:text')).toBe(50);
    expect((await store.report(100)).unanswered.map((u) => u.question)).toContain(
      'unknown question number 199',
    );
    now += 61_000;
    await store.recordAnswer(answer('a fresh one', false));
    expect((await store.report(100)).unanswered).toEqual([{ question: 'a fresh one', count: 1 }]);
    expect(await ctx.redis.hlen('p5:insights:unanswered:text')).toBe(1);
  });

  test('GIVEN many not-helpful votes on different questions THEN that list is bounded too', async () => {
    const store = new RedisInsightsStore(ctx.redis, 'p6', { maxEntries: 5, maxAgeMs: 60_000 });
    for (let i = 0; i < 12; i++) {
      const id = await store.recordAnswer(answer(`question ${i}`, true));
      await store.recordFeedback({ answerId: id, helpful: false, platform: 'slack', userId: 'U' });
    }
    const report = await store.report(100);
    expect(report.notHelpful).toHaveLength(5);
    expect(report.notHelpful[0]).toMatchObject({ title: 'Go', count: 1 });
    expect(report.feedback.notHelpful).toBe(12);
  });
});
