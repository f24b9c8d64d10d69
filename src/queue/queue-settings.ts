import type { DefaultJobOptions } from 'bullmq';

/** Job options every plan job gets: retries with exponential backoff, finished jobs trimmed. */
export interface PlanJobSettings {
  /** Tries per job (default 5). */
  attempts: number;
  /** First backoff delay in ms, doubled each retry (default 1000: 1, 2, 4, 8 s). */
  backoffMs: number;
  /** Completed jobs kept at most this long (s) and this many (default 1 day, 1000). */
  keepCompleted: { age: number; count: number };
  /** Failed jobs kept at most this long (s) and this many (default 7 days, 5000). */
  keepFailed: { age: number; count: number };
}

export const DEFAULT_JOB_SETTINGS: PlanJobSettings = {
  attempts: 5,
  backoffMs: 1000,
  keepCompleted: { age: 24 * 3600, count: 1000 },
  keepFailed: { age: 7 * 24 * 3600, count: 5000 },
};

/** BullMQ job options from the settings. */
export function jobOptions(settings: PlanJobSettings = DEFAULT_JOB_SETTINGS): DefaultJobOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: settings.keepCompleted,
    removeOnFail: settings.keepFailed,
  };
}
