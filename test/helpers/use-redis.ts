import Redis from 'ioredis';
import { startRedis, type TestRedis } from './redis-server';

/**
 * For one test file: a private redis-server and a client, started before the tests and stopped after
 * them. Read `server` and `redis` inside tests (they are set once `beforeAll` has run).
 */
export function useTestRedis(options: { appendonly?: boolean } = {}): { server: TestRedis; redis: Redis } {
  const context = {} as { server: TestRedis; redis: Redis };
  beforeAll(async () => {
    context.server = await startRedis(options);
    context.redis = new Redis(context.server.url);
  });
  afterAll(async () => {
    context.redis?.disconnect();
    await context.server?.destroy();
  });
  return context;
}
