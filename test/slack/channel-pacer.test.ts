import { ChannelPacer } from '../../src/adapters/slack/channel-pacer';

function pacerWithClock(burst = 1) {
  const state = { clock: 0, sleeps: [] as number[] };
  const pacer = new ChannelPacer({
    intervalMs: 1000,
    burst,
    now: () => state.clock,
    sleep: async (ms) => {
      state.sleeps.push(ms);
    },
  });
  return { pacer, state };
}

describe('ChannelPacer', () => {
  test('GIVEN no burst and three messages to one channel at once THEN they are booked one second apart', async () => {
    const { pacer, state } = pacerWithClock(1);
    await Promise.all([pacer.wait('C1'), pacer.wait('C1'), pacer.wait('C1')]);
    expect(state.sleeps).toEqual([1000, 2000]);
  });

  test('GIVEN a burst of 3 and five messages to one channel at once THEN three go at once and the rest one a second after', async () => {
    const { pacer, state } = pacerWithClock(3);
    await Promise.all(Array.from({ length: 5 }, () => pacer.wait('C1')));
    expect(state.sleeps).toEqual([1000, 2000]);
  });

  test('GIVEN a burst used up THEN the channel gets one message back per second', async () => {
    const { pacer, state } = pacerWithClock(3);
    await Promise.all([pacer.wait('C1'), pacer.wait('C1'), pacer.wait('C1')]);
    state.clock += 1000;
    await pacer.wait('C1');
    await pacer.wait('C1');
    expect(state.sleeps).toEqual([1000]);
  });

  test('GIVEN messages to different channels THEN none waits for the other', async () => {
    const { pacer, state } = pacerWithClock(1);
    await Promise.all([pacer.wait('C1'), pacer.wait('C2'), pacer.wait('D3')]);
    expect(state.sleeps).toEqual([]);
  });

  test('GIVEN a second message after the interval has passed THEN it goes at once', async () => {
    const { pacer, state } = pacerWithClock(1);
    await pacer.wait('C1');
    state.clock += 1500;
    await pacer.wait('C1');
    expect(state.sleeps).toEqual([]);
  });
});
