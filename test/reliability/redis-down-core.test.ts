import { buildStores } from '../../src/app/build-stores';
import { AskService } from '../../src/core/ask-service';
import { silentLogger } from '../../src/core/logger';
import { mentorFor } from '../helpers/knowledge';
import { startRedis, type TestRedis } from '../helpers/redis-server';

describe('questions while Redis is down', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(() => server.destroy());

  test('GIVEN Redis stops THEN questions are still answered quickly, and recording resumes when it is back', async () => {
    const stores = buildStores({ redisUrl: server.url, questionRateLimit: 100 }, silentLogger);
    const asker = new AskService({ mentor: mentorFor(), insights: stores.insights, limiter: stores.limiter });
    const user = { platform: 'terminal', id: 'u' } as const;
    try {
      await new Promise((r) => stores.redis!.once('ready', r));
      expect((await asker.ask(user, 'What is gRPC?')).answerId).toBeDefined();

      await server.stop(true);
      const started = Date.now();
      const whileDown = await asker.ask(user, 'What is Terraform used for?');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(whileDown.reply.type).toBe('answer');
      expect(whileDown.answerId).toBeUndefined();

      await server.start();
      await new Promise((r) => stores.redis!.once('ready', r));
      expect((await asker.ask(user, 'k8s')).answerId).toBeDefined();
    } finally {
      await stores.close();
    }
  });
});
