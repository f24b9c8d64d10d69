/**
 * The check-in job's payload and the one pure function that decides, when a job fires, what to send:
 * nothing (off, paused, another plan, pushed back), the end of the schedule, or a check-in.
 */
import type { DeliveryTarget, StudyPlan, UserRef } from '../plan-service';
import { type BehindDecision, behindDecision } from './behind-rule';
import { replanActionId } from './checkin-actions';
import { type CheckinContent, checkinContent } from './checkin-content';
import type { CheckinState } from './checkin-state';
import { weekAt } from './time-zones';

/** What every job of a plan's check-in scheduler carries (the scheduler's template). No secrets. */
export interface CheckinJobData {
  v: 1;
  planId: string;
  user: UserRef;
  /** Where the plan was delivered (a DM by default). */
  target: DeliveryTarget;
}

/** What to do with a fired check-in job. */
export type CheckinDecision =
  | { kind: 'skip'; reason: 'no-state' | 'off' | 'paused' | 'other-plan' | 'no-plan' | 'not-yet' }
  /** The plan is over: remove the scheduler. */
  | { kind: 'finish' }
  | {
      kind: 'send';
      week: number;
      content: CheckinContent;
      replan?: Extract<BehindDecision, { behind: true }>;
    };

/**
 * Decides what a check-in job fired at `firedAt` does, from the user's current state, plan and done
 * topics (read just before). State is read at fire time, so `plan checkins off` stops a job that was
 * already due. The plan week is the calendar week at `firedAt` minus the push-backs.
 */
export function decideCheckin(input: {
  job: CheckinJobData;
  state: CheckinState | undefined;
  plan: Pick<StudyPlan, 'weeks' | 'request'> | undefined;
  done: ReadonlySet<string>;
  firedAt: Date;
}): CheckinDecision {
  const { job, state, plan, done, firedAt } = input;
  if (!state) return { kind: 'skip', reason: 'no-state' };
  if (state.planId !== job.planId) return { kind: 'skip', reason: 'other-plan' };
  if (!state.enabled) return { kind: 'skip', reason: 'off' };
  if (!plan) return { kind: 'skip', reason: 'no-plan' };
  const week = weekAt(state.clock, firedAt) - state.pushBack;
  if (week > plan.weeks.length) return { kind: 'finish' };
  if (state.paused) return { kind: 'skip', reason: 'paused' };
  if (week < 1) return { kind: 'skip', reason: 'not-yet' };
  const content = checkinContent({ planId: job.planId, plan, done, week });
  const behind = behindDecision({ plan, done, state, week });
  if (!behind.behind) return { kind: 'send', week, content };
  return {
    kind: 'send',
    week,
    replan: behind,
    content: {
      ...content,
      text: `${content.text}\n\n${behind.message}`,
      actions: [
        ...content.actions,
        { kind: 'replan', id: replanActionId(job.planId), label: 'Lighter plan' },
      ],
    },
  };
}

const TEXT = /^.{1,200}$/s;

/** Checks untrusted job data; the payload or a problem. */
export function checkCheckinJob(
  data: unknown,
): { ok: true; job: CheckinJobData } | { ok: false; problem: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'data: expected an object' };
  const d = data as Record<string, unknown>;
  const user = d.user as Record<string, unknown> | undefined;
  const target = d.target as Record<string, unknown> | undefined;
  const platforms = ['discord', 'slack', 'terminal'];
  if (d.v !== 1) return { ok: false, problem: 'v: expected version 1' };
  if (typeof d.planId !== 'string' || !TEXT.test(d.planId))
    return { ok: false, problem: 'planId: expected text' };
  if (
    !user ||
    !platforms.includes(user.platform as string) ||
    typeof user.id !== 'string' ||
    !TEXT.test(user.id)
  ) {
    return { ok: false, problem: 'user: expected a platform and an id' };
  }
  const targetData = target?.data;
  if (!target || target.platform !== user.platform || typeof targetData !== 'object' || targetData === null) {
    return { ok: false, problem: 'target: expected a target on the user platform' };
  }
  return { ok: true, job: data as CheckinJobData };
}
