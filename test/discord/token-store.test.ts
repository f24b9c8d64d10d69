import Redis from 'ioredis';
import { MemoryInteractionTokenStore } from '../../src/adapters/discord/plans/interaction-token-store';
import { RedisInteractionTokenStore } from '../../src/adapters/discord/plans/redis-interaction-token-store';
import { startRedis, type TestRedis } from '../helpers/redis-server';

describe('MemoryInteractionTokenStore', () => {
  test('GIVEN a stored token THEN it is returned until its TTL passes, then forgotten', async () => {
    let now = 1_000;
    const store = new MemoryInteractionTokenStore(() => now);
    await store.put('1', 'token-a');
    expect(await store.get('1')).toBe('token-a');
    now += 15 * 60_000 - 1;
    expect(await store.get('1')).toBe('token-a');
    now += 1;
    expect(await store.get('1')).toBeUndefined();
  });

  test('GIVEN more tokens than its bound THEN the oldest are dropped first', async () => {
    const store = new MemoryInteractionTokenStore(() => 0, 2);
    await store.put('1', 'a');
    await store.put('2', 'b');
    await store.put('3', 'c');
    expect([await store.get('1'), await store.get('2'), await store.get('3')]).toEqual([undefined, 'b', 'c']);
  });

  test('GIVEN delete THEN the token is gone', async () => {
    const store = new MemoryInteractionTokenStore();
    await store.put('1', 'a');
    await store.delete('1');
    expect(await store.get('1')).toBeUndefined();
  });
});

describe('RedisInteractionTokenStore (real redis-server)', () => {
  let redis: TestRedis;
  let store: RedisInteractionTokenStore;
  let probe: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    store = new RedisInteractionTokenStore({ redis: redis.url, keyPrefix: '{backend-mentor}' });
    probe = new Redis(redis.url);
  });
  afterAll(async () => {
    await store.close();
    probe.disconnect();
    await redis.destroy();
  });

  test('GIVEN a stored token THEN another connection reads it, under a hash-tagged key with a 15-minute TTL', async () => {
    await store.put('111', 'secret-token');
    const other = new RedisInteractionTokenStore({ redis: probe, keyPrefix: '{backend-mentor}' });
    expect(await other.get('111')).toBe('secret-token');
    const key = '{backend-mentor}:discord:interaction-token:111';
    const ttl = await probe.pttl(key);
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    await other.close();
    expect(await probe.ping()).toBe('PONG');
  });

  test('GIVEN an expired or deleted token THEN it is unknown', async () => {
    await store.put('222', 'short', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.get('222')).toBeUndefined();
    await store.put('333', 'x');
    await store.delete('333');
    expect(await store.get('333')).toBeUndefined();
  });

  test('GIVEN Redis is down THEN calls fail instead of hanging (the plan then goes by DM)', async () => {
    const dead = new RedisInteractionTokenStore({ redis: 'redis://127.0.0.1:1' });
    await expect(dead.get('1')).rejects.toThrow();
    await dead.close();
  });
});
