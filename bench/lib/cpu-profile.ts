/**
 * A CPU profile of one benchmark phase (not the set-up around it), written as a `.cpuprofile` that
 * Chrome DevTools or `node --cpu-prof`'s readers open: `--profile=FILE` on a benchmark that offers it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** The file `--profile=FILE` names, if given. */
export const profileFile = (): string | undefined =>
  process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);

/** Runs `work`, profiling this process's CPU meanwhile when `file` is set, and writes the profile there. */
export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
