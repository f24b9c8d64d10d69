import { BackgroundQueue } from '../../src/adapters/background-queue';
import { recordingLogger } from './helpers/slack-harness';

describe('BackgroundQueue', () => {
  test('GIVEN jobs THEN each runs once, run() resolves after it, idle() after all of them', async () => {
    const queue = new BackgroundQueue(recordingLogger(), { quietMs: 0 });
    const ran: number[] = [];
    const runs = [1, 2, 3].map((n) => queue.run(async () => void ran.push(n)));
    await Promise.all(runs);
    await queue.idle();
    expect(ran).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  test('GIVEN more jobs than the concurrency THEN never more than that many run at once', async () => {
    const queue = new BackgroundQueue(recordingLogger(), { quietMs: 0, concurrency: 3 });
    let active = 0;
    let most = 0;
    const job = async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 12 }, () => queue.run(job)));
    expect(most).toBe(3);
  });

  test('GIVEN a failing job THEN it is logged, run() still resolves and later jobs run', async () => {
    const logger = recordingLogger();
    const queue = new BackgroundQueue(logger, { quietMs: 0 });
    await queue.run(async () => {
      throw new Error('boom');
    });
    let later = false;
    await queue.run(async () => {
      later = true;
    });
    expect(later).toBe(true);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', obj: { error: 'boom' } })]);
  });

  test('GIVEN requests keep arriving THEN a queued job still runs once it has waited maxDelayMs', async () => {
    const queue = new BackgroundQueue(recordingLogger(), { quietMs: 60_000, maxDelayMs: 20 });
    const keepBusy = setInterval(() => queue.touch(), 2);
    try {
      let ran = false;
      await queue.run(async () => {
        ran = true;
      });
      expect(ran).toBe(true);
    } finally {
      clearInterval(keepBusy);
    }
  });

  test('GIVEN requests keep arriving THEN jobs wait for a quiet moment', async () => {
    const queue = new BackgroundQueue(recordingLogger(), { quietMs: 30, maxDelayMs: 60_000 });
    let ran = false;
    queue.touch();
    const done = queue.run(async () => {
      ran = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(ran).toBe(false);
    await done;
    expect(ran).toBe(true);
  });
});
