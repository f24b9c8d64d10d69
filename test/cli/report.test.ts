import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { AskService } from '../../src/core/ask-service';
import { MemoryRateLimiter } from '../../src/core/rate-limiter';
import { RedisInsightsStore } from '../../src/stores/redis-insights-store';
import { mentorFor } from '../helpers/knowledge';
import { capture, linesIn } from '../helpers/streams';
import { useTestRedis } from '../helpers/use-redis';

describe('cli report against the bot Redis', () => {
  const ctx = useTestRedis();

  test('GIVEN questions the bot could not answer and a not-helpful vote THEN the report lists them, most frequent first', async () => {
    const insights = new RedisInsightsStore(ctx.redis);
    const asker = new AskService({
      mentor: mentorFor(),
      insights,
      limiter: new MemoryRateLimiter(100, 60_000),
    });
    const user = { platform: 'slack', id: 'U1' } as const;
    await asker.ask(user, 'How do I bake sourdough bread?');
    await asker.ask(user, 'how do I bake sourdough bread?');
    await asker.ask(user, 'What is the capital of France?');
    const { answerId } = await asker.ask(user, 'What is gRPC?');
    await insights.recordFeedback({ answerId: answerId!, helpful: false, platform: 'slack', userId: 'U1' });

    const stdout = capture();
    const stderr = capture();
    const code = await runCli(['report', '--json'], {
      stdin: linesIn([]),
      stdout,
      stderr,
      env: { REDIS_URL: ctx.server.url, KNOWLEDGE_DIR: join(__dirname, '../../knowledge') },
    });
    expect(stderr.text()).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text())).toEqual({
      unanswered: [
        { question: 'How do I bake sourdough bread?', count: 2 },
        { question: 'What is the capital of France?', count: 1 },
      ],
      notHelpful: [{ question: 'What is gRPC?', title: 'gRPC', count: 1 }],
      feedback: { helpful: 0, notHelpful: 1 },
    });

    const text = capture();
    await runCli(['report'], {
      stdin: linesIn([]),
      stdout: text,
      stderr: capture(),
      env: { REDIS_URL: ctx.server.url },
    });
    expect(text.text()).toMatch(/Questions I could not answer[\s\S]*2 {2}How do I bake sourdough bread\?/);
  });
});
