/**
 * Where plan state lives: the user's latest plan and progress, the one-plan-in-progress slot, the
 * daily count, and the record of delivered jobs that makes delivery happen once. Implemented on Redis
 * (src/queue/redis-plan-store.ts) and in memory (src/core/plans/memory-plan-store.ts).
 */
import type { StudyPlan, UserRef } from './plan-service';

/** What claiming a request slot led to. */
export type ClaimResult =
  /** `done`: the topic ids the user marked done (sorted), read in the same step for the job. */
  | { status: 'claimed'; done: string[] }
  /** `since`: when that job claimed the slot (epoch ms); it may still be on its way into the queue. */
  | { status: 'active'; jobId: string; since: number }
  | { status: 'over-cap'; count: number };

/** Whether this worker may deliver a job now. */
export type DeliveryGate = 'deliver' | 'delivered' | 'busy';

/** Plan state shared by the service (request path) and workers. */
export interface PlanStore {
  /**
   * Atomically: when the user has no plan in progress and is under `dailyCap` for `day` (UTC
   * YYYY-MM-DD), records `jobId` as in progress and counts it, and answers the user's done topics
   * (the job carries them).
   */
  claim(user: UserRef, jobId: string, dailyCap: number, day: string, now: number): Promise<ClaimResult>;
  /** The job holding the user's in-progress slot, if any (its plan is being built or sent). */
  activeJob(user: UserRef): Promise<{ jobId: string; since: number } | undefined>;
  /** Frees the in-progress slot if it still holds `jobId`. */
  release(user: UserRef, jobId: string): Promise<void>;
  /** Undoes a claim whose job could not be queued: frees the slot and uncounts it. */
  unclaim(user: UserRef, jobId: string, day: string): Promise<void>;
  /**
   * Before a retried job delivers: answers `delivered` when `jobId` was delivered before, `busy` when
   * another worker holds its delivery lock, else takes the lock for `lockMs` under `token` and answers
   * `deliver`. (A job's first run needs no check: nothing can have delivered it yet.)
   */
  beginDelivery(jobId: string, lockMs: number, token: string): Promise<DeliveryGate>;
  /**
   * The user was told their request failed (a Redis step answered after the deadline), but its claim
   * or even its job may still land: in one step, marks `jobId` cancelled (so a worker never delivers
   * it) and undoes its claim (the slot is freed and the request is not counted for `day`). Sent after
   * the request's own commands on the same connection, so Redis runs it after them.
   */
  cancel(user: UserRef, jobId: string, day: string): Promise<void>;
  /**
   * Before delivering: saves `plan` as the user's latest (unless a newer request's plan is saved), so
   * `plan show` reads it from the store while it is being sent. False (nothing saved) when the job
   * was cancelled: it must not be delivered.
   */
  savePlan(user: UserRef, jobId: string, plan: StudyPlan): Promise<boolean>;
  /**
   * After delivering, in one step: records `jobId` as delivered, drops its lock (if `token` holds it)
   * and frees the user's slot. (The plan itself was saved by {@link savePlan} before it was sent.)
   */
  finishDelivery(user: UserRef, jobId: string, token?: string): Promise<void>;
  /** Drops the delivery lock after a failed delivery (so a retry may deliver). */
  abortDelivery(jobId: string, token: string): Promise<void>;
  /**
   * A job failed for good: frees the slot; true when the user should be told (not delivered, and not
   * told before).
   */
  failed(user: UserRef, jobId: string): Promise<boolean>;
  latestPlan(user: UserRef): Promise<StudyPlan | undefined>;
  /** Topic ids the user marked done, across plans. */
  doneTopics(user: UserRef): Promise<string[]>;
  /** Marks a topic done; false when it already was. */
  markDone(user: UserRef, topicId: string): Promise<boolean>;
}
