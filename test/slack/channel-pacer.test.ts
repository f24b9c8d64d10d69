import { ChannelPacer } from '../../src/adapters/slack/channel-pacer';

function pacerWithClock() {
  const state = { clock: 0, sleeps: [] as number[] };
  const pacer = new ChannelPacer(
    1000,
    () => state.clock,
    async (ms) => {
      state.sleeps.push(ms);
    },
  );
  return { pacer, state };
}

describe('ChannelPacer', () => {
  test('GIVEN three messages to one channel at once THEN they are booked one second apart', async () => {
    const { pacer, state } = pacerWithClock();
    await Promise.all([pacer.wait('C1'), pacer.wait('C1'), pacer.wait('C1')]);
    expect(state.sleeps).toEqual([1000, 2000]);
  });

  test('GIVEN messages to different channels THEN none waits for the other', async () => {
    const { pacer, state } = pacerWithClock();
    await Promise.all([pacer.wait('C1'), pacer.wait('C2'), pacer.wait('D3')]);
    expect(state.sleeps).toEqual([]);
  });

  test('GIVEN a second message after the interval has passed THEN it goes at once', async () => {
    const { pacer, state } = pacerWithClock();
    await pacer.wait('C1');
    state.clock += 1500;
    await pacer.wait('C1');
    expect(state.sleeps).toEqual([]);
  });
});
