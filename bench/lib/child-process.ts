/** Child processes a benchmark starts: wait until one is ready, stop it. */
import type { ChildProcess } from 'node:child_process';

/** Milliseconds from `started` until `url` answers 200; throws when the process exits first. */
export async function timeToReady(child: ChildProcess, started: number, url: string): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Stops a child process with SIGTERM and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
