import type { CheckinState, CheckinStore } from '../../../src/core/plans/companion/checkin-state';
import { MemoryCheckinStore } from '../../../src/core/plans/companion/memory-checkin-store';
import { RedisCheckinStore } from '../../../src/stores/redis-checkin-store';
import { useTestRedis } from '../../helpers/use-redis';

const user = { platform: 'slack' as const, id: 'U1' };
const state = (): CheckinState => ({
  planId: 'job-1',
  enabled: true,
  paused: false,
  clock: { startDate: '2026-03-02', weekday: 1, zone: 'Europe/Berlin' },
  pushBack: 0,
});

const ctx = useTestRedis();
let clock = 1_000_000;
const stores: [string, () => CheckinStore][] = [
  ['memory', () => new MemoryCheckinStore(() => clock)],
  ['redis', () => new RedisCheckinStore(ctx.redis, `t${Math.random().toString(36).slice(2)}`)],
];

describe.each(stores)('%s check-in store', (_name, make) => {
  it('GIVEN a saved state THEN it reads back, updates merge, delete forgets', async () => {
    const store = make();
    expect(await store.get(user)).toBeUndefined();
    expect(await store.update(user, { enabled: false })).toBeUndefined();
    await store.set(user, state());
    expect(await store.get(user)).toEqual(state());
    const updated = await store.update(user, { enabled: false, lastTickAt: 1764600000123, pushBack: 1 });
    expect(updated).toEqual({ ...state(), enabled: false, lastTickAt: 1764600000123, pushBack: 1 });
    expect(await store.get(user)).toEqual(updated);
    await store.delete(user);
    expect(await store.get(user)).toBeUndefined();
  });

  it('GIVEN preferences THEN they merge, survive a state delete and start empty', async () => {
    const store = make();
    expect(await store.prefs(user)).toEqual({});
    expect(await store.updatePrefs(user, { zone: 'Europe/Berlin' })).toEqual({ zone: 'Europe/Berlin' });
    expect(await store.updatePrefs(user, { off: true })).toEqual({ zone: 'Europe/Berlin', off: true });
    await store.set(user, state());
    await store.delete(user);
    expect(await store.prefs(user)).toEqual({ zone: 'Europe/Berlin', off: true });
    expect(await store.prefs({ platform: 'discord', id: 'U1' })).toEqual({});
  });

  it('GIVEN state and preferences THEN stateAndPrefs reads both as get and prefs do', async () => {
    const store = make();
    expect(await store.stateAndPrefs(user)).toEqual({ state: undefined, prefs: {} });
    await store.updatePrefs(user, { zone: 'Europe/Berlin' });
    await store.set(user, state());
    expect(await store.stateAndPrefs(user)).toEqual({ state: state(), prefs: { zone: 'Europe/Berlin' } });
  });

  it('GIVEN a check-in being sent THEN another worker is told busy, and after finishing, sent', async () => {
    const store = make();
    expect(await store.beginSend('job-1', 2, 'a', 60_000)).toBe('send');
    expect(await store.beginSend('job-1', 2, 'b', 60_000)).toBe('busy');
    expect(await store.beginSend('job-1', 3, 'b', 60_000)).toBe('send');
    await store.finishSend('job-1', 2);
    expect(await store.beginSend('job-1', 2, 'c', 60_000)).toBe('sent');
  });

  it('GIVEN a failed send THEN only the holder can drop the lock and a retry may send', async () => {
    const store = make();
    expect(await store.beginSend('job-2', 1, 'a', 60_000)).toBe('send');
    await store.abortSend('job-2', 1, 'other');
    expect(await store.beginSend('job-2', 1, 'b', 60_000)).toBe('busy');
    await store.abortSend('job-2', 1, 'a');
    expect(await store.beginSend('job-2', 1, 'b', 60_000)).toBe('send');
  });
});

describe('lock expiry', () => {
  it('GIVEN a worker died holding the lock THEN after lockMs another may send (memory, injected clock)', async () => {
    const store = new MemoryCheckinStore(() => clock);
    expect(await store.beginSend('job-3', 1, 'dead', 5_000)).toBe('send');
    clock += 5_001;
    expect(await store.beginSend('job-3', 1, 'alive', 5_000)).toBe('send');
  });

  it('GIVEN a worker died holding the lock THEN after lockMs another may send (redis, short lock)', async () => {
    const store = new RedisCheckinStore(ctx.redis, 'expiry');
    expect(await store.beginSend('job-3', 1, 'dead', 50)).toBe('send');
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.beginSend('job-3', 1, 'alive', 5_000)).toBe('send');
  });

  it('GIVEN garbage in the state key THEN get reads nothing instead of throwing', async () => {
    await ctx.redis.set('garbage:checkin-state:slack:U1', '{not json');
    expect(await new RedisCheckinStore(ctx.redis, 'garbage').get(user)).toBeUndefined();
  });
});
