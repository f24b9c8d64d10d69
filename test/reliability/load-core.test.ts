import { AskService } from '../../src/core/ask-service';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { RedisInsightsStore } from '../../src/stores/redis-insights-store';
import { mentorFor } from '../helpers/knowledge';
import { useTestRedis } from '../helpers/use-redis';

const QUESTIONS = ['What is gRPC?', 'k8s', 'postgress or mysql?', 'What is the capital of France?', 'golang'];

describe('load through the core', () => {
  const ctx = useTestRedis();

  test('GIVEN 1,000 concurrent questions from 1,000 users THEN every one is answered and recorded, none lost', async () => {
    const asker = new AskService({
      mentor: mentorFor(),
      insights: new RedisInsightsStore(ctx.redis, 'load'),
      limiter: new MemoryRateLimiter(20, 60_000),
    });
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        asker.ask({ platform: 'discord', id: `user-${i}` }, QUESTIONS[i % QUESTIONS.length]!),
      ),
    );
    expect(results.every((r) => r.reply.type === 'answer')).toBe(true);
    expect(new Set(results.map((r) => r.answerId)).size).toBe(1000);
    const report = await new RedisInsightsStore(ctx.redis, 'load').report();
    expect(report.unanswered).toEqual([{ question: 'What is the capital of France?', count: 200 }]);
  });

  test('GIVEN one user over the per-minute limit THEN the extra questions get the friendly limit message', async () => {
    const asker = new AskService({
      mentor: mentorFor(),
      insights: new RedisInsightsStore(ctx.redis, 'limit'),
      limiter: new MemoryRateLimiter(5, 60_000),
    });
    const user = { platform: 'slack', id: 'U-busy' } as const;
    const replies = await Promise.all(Array.from({ length: 8 }, () => asker.ask(user, 'What is Redis?')));
    expect(replies.filter((r) => r.reply.type === 'answer')).toHaveLength(5);
    expect(replies.filter((r) => r.reply.type === 'error')).toEqual(
      Array(3).fill({
        reply: expect.objectContaining({
          id: 'rate-limited',
          message: expect.stringMatching(/wait a minute/),
        }),
      }),
    );
  });
});
