import { buildStores } from '../../src/app/build-stores';
import { AskService } from '../../src/core/ask-service';
import { silentLogger } from '../../src/core/logger';
import { mentorFor } from '../helpers/knowledge';
import { startRedis, type TestRedis, whenReady } from '../helpers/redis-server';

describe('questions while Redis is down', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(() => server.destroy());

  test('GIVEN Redis stops THEN questions are still answered quickly, and recording resumes when it is back', async () => {
    const stores = buildStores(
      { redisUrl: server.url, questionRateLimit: 100, keyPrefix: 'down' },
      silentLogger,
    );
    const asker = new AskService({ mentor: mentorFor(), insights: stores.insights, limiter: stores.limiter });
    const user = { platform: 'terminal', id: 'u' } as const;
    try {
      await whenReady(stores.redis!);
      expect((await asker.ask(user, 'What is gRPC?')).answerId).toBeDefined();

      await server.stop(true);
      const started = Date.now();
      const whileDown = await asker.ask(user, 'What is Terraform used for?');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(whileDown.reply.type).toBe('answer');
      expect(whileDown.answerId).toBeUndefined();

      await server.start();
      await whenReady(stores.redis!);
      expect((await asker.ask(user, 'k8s')).answerId).toBeDefined();
    } finally {
      await stores.close();
    }
  });

  test('GIVEN Redis is down THEN the rate limit still holds, per process, instead of failing open', async () => {
    const stores = buildStores(
      { redisUrl: server.url, questionRateLimit: 3, keyPrefix: 'down-limit' },
      silentLogger,
    );
    try {
      await whenReady(stores.redis!);
      expect(await stores.limiter.take('discord:u1')).toBe(true);
      await server.stop(true);
      const results: boolean[] = [];
      for (let i = 0; i < 10; i++) results.push(await stores.limiter.take('discord:u1'));
      // The use allowed while Redis was up counts too: two more, then refused.
      expect(results).toEqual([true, true, false, false, false, false, false, false, false, false]);
      expect(await stores.limiter.take('discord:u2')).toBe(true);
    } finally {
      await server.start();
      await stores.close();
    }
  });
});
