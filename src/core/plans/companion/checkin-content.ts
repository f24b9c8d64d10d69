/**
 * What a weekly check-in says and offers (pure): this week's topics, what is still open from last
 * week, and the actions as plain data (ids + labels) that adapters render as buttons.
 */
import type { StudyPlan } from '../plan-service';
import { calendarActionId, pushActionId, stopActionId, tickActionId } from './checkin-actions';
import { progressGlance, topicTotals } from './progress-glance';

/** A topic as a check-in lists it. */
export interface CheckinTopic {
  id: string;
  title: string;
  hours: number;
  done: boolean;
}

/**
 * An action a check-in offers. `id` (see `checkin-actions.ts`) names the plan and fits Discord's
 * custom_id (100) and Slack's action_id (255).
 */
export type CheckinAction =
  | { kind: 'tick'; id: string; label: string; topicId: string }
  | { kind: 'push-back'; id: string; label: string; week: number }
  | { kind: 'stop'; id: string; label: string }
  | { kind: 'replan'; id: string; label: string }
  | { kind: 'calendar'; id: string; label: string };

/** One week's check-in, ready for any adapter. */
export interface CheckinContent {
  planId: string;
  week: number;
  weeksTotal: number;
  thisWeek: CheckinTopic[];
  /** Topics of last week (and earlier weeks) still not done. */
  openFromLastWeek: CheckinTopic[];
  actions: CheckinAction[];
  /** The message as plain text with light Markdown (bold, lists), the same on every platform. */
  text: string;
}

/** At most this many tick buttons (a Discord action row holds 5). */
export const MAX_TICK_ACTIONS = 5;

/** Distinct topics of the weeks up to `upTo` (hours summed over parts), marked done or not. */
function weekTopics(plan: Pick<StudyPlan, 'weeks'>, upTo: number, done: ReadonlySet<string>): CheckinTopic[] {
  return topicTotals({ weeks: plan.weeks.filter((w) => w.week <= upTo) }).map((t) => ({
    id: t.id,
    title: t.title,
    hours: t.hours,
    done: done.has(t.id),
  }));
}

const line = (t: CheckinTopic) =>
  `- ${t.done ? '[x]' : '[ ]'} **${t.title}** (${Math.round(t.hours * 10) / 10} h)`;

/**
 * Week `week`'s check-in for a plan, given the topic ids done. Open from last week: topics of earlier
 * weeks not done and not continued this week. Tick buttons go to open topics first, then this week's.
 */
export function checkinContent(input: {
  planId: string;
  plan: Pick<StudyPlan, 'weeks' | 'request'>;
  done: ReadonlySet<string>;
  week: number;
}): CheckinContent {
  const { planId, plan, done, week } = input;
  const current = plan.weeks.find((w) => w.week === week);
  const thisWeek = current ? weekTopics({ weeks: [current] }, week, done) : [];
  const thisIds = new Set(thisWeek.map((t) => t.id));
  const openFromLastWeek = weekTopics(plan, week - 1, done).filter((t) => !t.done && !thisIds.has(t.id));
  const tickable = [...openFromLastWeek, ...thisWeek.filter((t) => !t.done)].slice(0, MAX_TICK_ACTIONS);
  const actions: CheckinAction[] = [
    ...tickable.map((t) => ({
      kind: 'tick' as const,
      id: tickActionId(planId, t.id),
      label: `Done: ${t.title}`.slice(0, 80),
      topicId: t.id,
    })),
    { kind: 'push-back', id: pushActionId(planId), label: 'Push back a week', week },
    { kind: 'stop', id: stopActionId(planId), label: 'Stop check-ins' },
    { kind: 'calendar', id: calendarActionId(planId), label: 'Add to calendar' },
  ];
  const text = [
    `**Week ${week} of ${plan.weeks.length}**`,
    progressGlance(plan, done, week - 1),
    '',
    thisWeek.length > 0 ? 'This week:' : 'Nothing new is planned this week.',
    ...thisWeek.map(line),
    ...(openFromLastWeek.length > 0 ? ['', 'Still open from before:', ...openFromLastWeek.map(line)] : []),
  ].join('\n');
  return { planId, week, weeksTotal: plan.weeks.length, thisWeek, openFromLastWeek, actions, text };
}
