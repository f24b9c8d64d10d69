/**
 * A plan job that no retry can fix (a malformed payload, topics the curriculum does not have). Its
 * name is the one BullMQ reads to fail a job at once without retrying, so the core needs no BullMQ.
 */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}

/** True for an error no retry can fix (ours, or BullMQ's own `UnrecoverableError`). */
export function isUnrecoverable(error: unknown): boolean {
  return error instanceof Error && error.name === 'UnrecoverableError';
}
