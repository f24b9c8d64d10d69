/**
 * The "behind" rule (pure): a learner who ticks nothing for two weeks in a row is offered a re-plan
 * at a lighter pace — the same topics minus the done ones, at the hours a week they actually have.
 */
import type { StudyPlan } from '../plan-service';
import { PLAN_LIMITS, type PlanRequest } from '../validate-plan-request';
import type { CheckinState } from './checkin-state';
import { topicTotals } from './progress-glance';
import { checkinInstant } from './time-zones';

/** What the rule decided. `request` and `done` are what a plan job needs to build the new plan. */
export type BehindDecision =
  | { behind: false }
  | { behind: true; request: PlanRequest; done: string[]; hoursPerWeek: number; message: string };

/** Weeks without a tick that count as behind. */
export const BEHIND_WEEKS = 2;

/**
 * Decides at plan week `week` (1-based, after push-backs) whether to offer a re-plan. Behind when at
 * least two plan weeks have passed, no topic was ticked since the check-in two weeks ago, topics
 * remain, and no offer was made in that time. The lighter pace is the hours a week done so far,
 * capped below the planned hours (half of them when nothing is done), at least 1.
 */
export function behindDecision(input: {
  plan: Pick<StudyPlan, 'weeks' | 'request'>;
  done: ReadonlySet<string>;
  state: Pick<CheckinState, 'clock' | 'pushBack' | 'lastTickAt' | 'replanOfferedAt'>;
  week: number;
}): BehindDecision {
  const { plan, done, state, week } = input;
  if (week <= BEHIND_WEEKS) return { behind: false };
  const since = checkinInstant(state.clock, week - BEHIND_WEEKS + state.pushBack).getTime();
  if ((state.lastTickAt ?? 0) >= since || (state.replanOfferedAt ?? 0) >= since) return { behind: false };
  const topics = topicTotals(plan);
  const remaining = topics.filter((t) => !done.has(t.id) && t.id !== 'capstone');
  if (remaining.length === 0) return { behind: false };
  const planned = plan.request.hoursPerWeek;
  const hoursDone = topics.filter((t) => done.has(t.id)).reduce((s, t) => s + t.hours, 0);
  const actual = Math.round(hoursDone / (week - 1));
  const hoursPerWeek = Math.max(1, Math.min(planned - 1, actual > 0 ? actual : Math.ceil(planned / 2)));
  const remainingHours = remaining.reduce((s, t) => s + t.hours, 0);
  const weeks = Math.min(PLAN_LIMITS.weeks.max, Math.max(1, Math.ceil(remainingHours / hoursPerWeek) + 1));
  const request: PlanRequest = {
    stack: remaining.map((t) => t.id),
    weeks,
    hoursPerWeek,
    known: [...plan.request.known],
    ...(plan.request.level ? { level: plan.request.level as PlanRequest['level'] } : {}),
    notes: [`kept your topics at a lighter pace of ${hoursPerWeek} h a week`],
  };
  return {
    behind: true,
    request,
    done: [...done],
    hoursPerWeek,
    message: `Nothing ticked for ${BEHIND_WEEKS} weeks: want a lighter plan? The same ${remaining.length} topic${
      remaining.length === 1 ? '' : 's'
    } at ${hoursPerWeek} h a week (${weeks} weeks), keeping what you have done.`,
  };
}
