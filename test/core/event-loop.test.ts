import { readFile } from 'node:fs';
import { turn } from '../../src/core/event-loop';

/** Runs `work` in an I/O callback (as a worker's message or a file read arrives). */
const inIoCallback = (work: () => Promise<void>) =>
  new Promise<void>((resolve, reject) => readFile(__filename, () => work().then(resolve, reject)));

describe('turn', () => {
  test('GIVEN sliced work begun in an I/O callback WHEN it takes a turn THEN a timer already due runs before the work goes on', async () => {
    await inIoCallback(async () => {
      let fired = false;
      setTimeout(() => {
        fired = true;
      }, 0);
      // The timer is due once the clock has moved on (by a few milliseconds of work).
      const until = performance.now() + 3;
      while (performance.now() < until);
      await turn();
      expect(fired).toBe(true);
    });
  });
});
