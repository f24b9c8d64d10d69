/**
 * Work done in slices on the main thread (loading, reloading and indexing knowledge) shares one clock:
 * the work since the event loop last had a turn, whichever step did it, is one block.
 */

/** Longest stretch of sliced work between two turns of the event loop. */
export const SLICE_MS = 10;

/** When the event loop last had a turn that sliced work took (stale after other waits: then spent). */
let stretchBegan = performance.now();

/** Whether the sliced work since the last {@link turn} has taken a slice. */
export function sliceSpent(): boolean {
  return performance.now() - stretchBegan > SLICE_MS;
}

const immediate = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Lets timers and I/O run, then goes on. One `setImmediate` is not enough: scheduled from an I/O
 * callback (a worker's message, a file read), it runs in the same iteration of the loop, before any
 * timer, so a slice begun there ran straight into the next one (a one-file reload blocked the loop
 * for twice a slice and more). The second, scheduled from the check phase, runs after timers and I/O.
 */
export async function turn(): Promise<void> {
  await immediate();
  await immediate();
  stretchBegan = performance.now();
}
