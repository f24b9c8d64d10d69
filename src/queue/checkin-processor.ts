/**
 * Runs one fired check-in: reads the user's state, plan and done topics, lets the pure
 * {@link decideCheckin} choose, and sends through the send gate so a week's check-in goes out once.
 */
import { randomUUID } from 'node:crypto';
import { BotError } from '../core/errors';
import type { CheckinContent } from '../core/plans/companion/checkin-content';
import {
  type CheckinJobData,
  checkCheckinJob,
  decideCheckin,
} from '../core/plans/companion/checkin-decision';
import type { CheckinStore } from '../core/plans/companion/checkin-state';
import type { StudyPlan, UserRef } from '../core/plans/plan-service';

/** What the processor reads and calls. */
export interface CheckinDeps {
  store: CheckinStore;
  /** The user's latest plan and the topic ids they marked done (the plan store). */
  loadPlan(user: UserRef): Promise<{ plan: StudyPlan; done: string[] } | undefined>;
  /** Sends a check-in (an adapter's deliverer); throws on failure so the job is retried. */
  send(job: CheckinJobData, content: CheckinContent): Promise<void>;
  /** The plan is over: remove its scheduler. */
  finish(job: CheckinJobData): Promise<void>;
  /** How long a worker holds a check-in's send lock (default 60 s). */
  lockMs?: number;
}

/** What running a check-in did. */
export type CheckinOutcome =
  | { status: 'sent'; week: number }
  | { status: 'already-sent'; week: number }
  | { status: 'skipped'; reason: string }
  | { status: 'finished' }
  | { status: 'invalid'; problem: string };

/**
 * Runs the check-in job `data` scheduled for `firedAt`. Throws `checkin-busy` while another worker
 * holds the week's lock (the job is retried after backoff), and rethrows a failed send after
 * releasing the lock.
 */
export async function runCheckin(data: unknown, firedAt: Date, deps: CheckinDeps): Promise<CheckinOutcome> {
  const checked = checkCheckinJob(data);
  if (!checked.ok) return { status: 'invalid', problem: checked.problem };
  const { job } = checked;
  const state = await deps.store.get(job.user);
  const loaded = state?.enabled ? await deps.loadPlan(job.user) : undefined;
  const decision = decideCheckin({
    job,
    state,
    plan: loaded?.plan,
    done: new Set(loaded?.done ?? []),
    firedAt,
  });
  if (decision.kind === 'skip') return { status: 'skipped', reason: decision.reason };
  if (decision.kind === 'finish') {
    await deps.finish(job);
    return { status: 'finished' };
  }
  const token = randomUUID();
  const gate = await deps.store.beginSend(job.planId, decision.week, token, deps.lockMs ?? 60_000);
  if (gate === 'sent') return { status: 'already-sent', week: decision.week };
  if (gate === 'busy') {
    throw new BotError('checkin-busy', 'A check-in is being sent.', {
      detail: `${job.planId} week ${decision.week}`,
    });
  }
  try {
    await deps.send(job, decision.content);
  } catch (error) {
    await deps.store.abortSend(job.planId, decision.week, token);
    throw error;
  }
  await deps.store.finishSend(job.planId, decision.week);
  if (decision.replan) await deps.store.update(job.user, { replanOfferedAt: firedAt.getTime() });
  return { status: 'sent', week: decision.week };
}
