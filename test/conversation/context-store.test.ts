import { type ContextStore, MemoryContextStore } from '../../src/core/conversation/context-store';
import { RedisContextStore } from '../../src/core/conversation/redis-context-store';
import { useTestRedis } from '../helpers/use-redis';

const KEY = { platform: 'slack', conversationId: 'C1:1700000000.000100', userId: 'U1' };
const OTHER = { ...KEY, userId: 'U2' };

/** The behaviour both stores share. */
function sharedBehaviour(make: () => ContextStore) {
  test('GIVEN nothing stored THEN get returns undefined', async () => {
    expect(await make().get({ ...KEY, conversationId: 'never-used' })).toBeUndefined();
  });

  test('GIVEN an update THEN get returns it, and other users of the conversation are not affected', async () => {
    const store = make();
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'What is REST?', lastAnswerUnitIds: ['rest'] }));
    const back = await store.get(KEY);
    expect(back?.lastQuestion).toBe('What is REST?');
    expect(back?.lastAnswerUnitIds).toEqual(['rest']);
    expect(await store.get(OTHER)).toBeUndefined();
  });

  test('GIVEN two updates THEN the second builds on the first', async () => {
    const store = make();
    await store.clear(KEY);
    await store.update(KEY, (c) => ({ ...c, about: { ...c.about, knows: ['git'] } }));
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'and docker?' }));
    const back = await store.get(KEY);
    expect(back?.about.knows).toEqual(['git']);
    expect(back?.lastQuestion).toBe('and docker?');
  });

  test('GIVEN a cleared context THEN it is gone', async () => {
    const store = make();
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'x' }));
    await store.clear(KEY);
    expect(await store.get(KEY)).toBeUndefined();
  });
}

describe('MemoryContextStore', () => {
  sharedBehaviour(() => new MemoryContextStore());

  test('GIVEN 30 minutes without an update THEN the context has expired; just before, it is kept', async () => {
    let now = 1_000_000;
    const store = new MemoryContextStore({ now: () => now });
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'What is gRPC?' }));
    now += 30 * 60 * 1000 - 1;
    expect((await store.get(KEY))?.lastQuestion).toBe('What is gRPC?');
    now += 1;
    expect(await store.get(KEY)).toBeUndefined();
  });

  test('GIVEN more conversations than the bound THEN the least recently updated are dropped', async () => {
    const store = new MemoryContextStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) {
      await store.update({ ...KEY, conversationId: id }, (c) => ({ ...c, lastQuestion: id }));
    }
    expect(store.size).toBe(3);
    expect(await store.get({ ...KEY, conversationId: 'a' })).toBeUndefined();
    expect((await store.get({ ...KEY, conversationId: 'd' }))?.lastQuestion).toBe('d');
  });

  test('GIVEN a context read and changed by the caller THEN the stored one is unchanged', async () => {
    const store = new MemoryContextStore();
    await store.update(KEY, (c) => ({ ...c, about: { knows: ['sql'] } }));
    const copy = await store.get(KEY);
    copy?.about.knows.push('mutated');
    expect((await store.get(KEY))?.about.knows).toEqual(['sql']);
  });
});

describe('RedisContextStore on a real redis-server', () => {
  const ctx = useTestRedis();
  sharedBehaviour(() => new RedisContextStore(ctx.redis, { prefix: 'test:context:' }));

  test('GIVEN the TTL has passed THEN Redis has dropped the context', async () => {
    const store = new RedisContextStore(ctx.redis, { prefix: 'ttl:context:', ttlMs: 150 });
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'short-lived' }));
    expect((await store.get(KEY))?.lastQuestion).toBe('short-lived');
    const ttl = await ctx.redis.pttl('ttl:context:slack:C1:1700000000.000100:U1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(150);
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.get(KEY)).toBeUndefined();
  });

  test('GIVEN the default store THEN contexts are kept for 30 minutes', async () => {
    const store = new RedisContextStore(ctx.redis, { prefix: 'default:context:' });
    await store.update(KEY, (c) => ({ ...c, lastQuestion: 'q' }));
    const ttl = await ctx.redis.pttl('default:context:slack:C1:1700000000.000100:U1');
    expect(ttl).toBeGreaterThan(29 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(30 * 60 * 1000);
  });

  test('GIVEN a stored value that is not a context THEN get treats it as none', async () => {
    const store = new RedisContextStore(ctx.redis, { prefix: 'bad:context:' });
    await ctx.redis.set('bad:context:slack:C1:1700000000.000100:U1', '{"not":"a context"');
    expect(await store.get(KEY)).toBeUndefined();
    await ctx.redis.set('bad:context:slack:C1:1700000000.000100:U1', '{"lastQuestion":3}');
    expect(await store.get(KEY)).toBeUndefined();
  });
});
