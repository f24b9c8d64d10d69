/**
 * The conversation core's check-in commands and buttons: `plan checkins on|off`, `plan pause|resume`,
 * `plan timezone <zone>`, `plan calendar`, the progress line of `plan show`, and the buttons of a
 * check-in (tick, push back, stop, lighter plan). Kept beside the core so its file stays small.
 */
import { type CheckinActionRef, parseCheckinActionId } from '../plans/companion/checkin-actions';
import { companionMessages as say } from '../plans/companion/companion-messages';
import { CALENDAR_FILE_NAME } from '../plans/companion/plan-calendar';
import type { PlanCompanion } from '../plans/companion/plan-companion';
import { planProgress, progressBar, progressLine } from '../plans/companion/progress-glance';
import { parseTimeZone } from '../plans/companion/time-zones';
import type { PlanCommand } from '../plans/parse-plan-args';
import type { PlanRequestInput, StudyPlan, UserRef } from '../plans/plan-service';
import type { CoreReply } from './message';
import { strings } from './strings';

const notice = (id: string, message: string): CoreReply => ({ type: 'notice', id, message });
const unavailable = () => notice('plan.unavailable', strings.plansUnavailable);

/** A check-in setting typed after `plan` (`checkins`, `pause`, `resume`, `timezone`, `calendar`). */
export async function companionCommand(
  companion: PlanCompanion | undefined,
  user: UserRef,
  command: Extract<PlanCommand, { action: 'checkins' | 'pause' | 'resume' | 'timezone' | 'calendar' }>,
): Promise<CoreReply> {
  if (!companion) return unavailable();
  switch (command.action) {
    case 'checkins':
      if (command.on === undefined) return notice('plan.checkins-usage', say.checkinsUsage);
      return notice(
        `plan.checkins-${command.on ? 'on' : 'off'}`,
        await companion.setCheckins(user, command.on),
      );
    case 'pause':
    case 'resume':
      return notice(`plan.${command.action}`, await companion.setPaused(user, command.action === 'pause'));
    case 'timezone': {
      const zone = parseTimeZone(command.zone);
      if (!zone.ok) return notice('plan.timezone-invalid', zone.message);
      return notice('plan.timezone', await companion.setTimeZone(user, zone.zone));
    }
    case 'calendar': {
      const ics = await companion.calendar(user);
      if (!ics) return notice('plan.none', strings.noPlan);
      return { type: 'plan-calendar', fileName: CALENDAR_FILE_NAME, ics, message: say.calendarReady };
    }
  }
}

/** `plan show`: the plan opened by its progress (and, for the terminal, this week's check-in). */
export async function showWithProgress(
  companion: PlanCompanion | undefined,
  user: UserRef,
  plan: StudyPlan,
): Promise<CoreReply> {
  const reply = { type: 'plan' as const, plan, title: 'Your study plan' };
  if (!companion) {
    const done = new Set(plan.weeks.flatMap((w) => w.topics.filter((t) => t.done).map((t) => t.id)));
    const progress = planProgress(plan, done);
    return {
      ...reply,
      progress: {
        percent: progress.percent,
        bar: progressBar(progress.percent),
        line: progressLine(progress),
        note: '',
      },
    };
  }
  const [progress, checkin] = await Promise.all([
    companion.glance(user, plan),
    companion.due(user).catch(() => undefined),
  ]);
  return { ...reply, progress, ...(checkin ? { checkin } : {}) };
}

/** What a check-in button does, given the ways the core ticks a topic and asks for a plan. */
export interface CheckinButtonWork {
  markDone(topicId: string): Promise<CoreReply>;
  requestPlan(input: PlanRequestInput): Promise<CoreReply>;
}

/** A click on a check-in button (`checkin:...` ids); a foreign or old plan's click changes nothing. */
export async function checkinButton(
  companion: PlanCompanion | undefined,
  user: UserRef,
  actionId: string,
  work: CheckinButtonWork,
): Promise<CoreReply> {
  if (!companion) return unavailable();
  const action: CheckinActionRef | undefined = parseCheckinActionId(actionId);
  if (!action) return notice('checkin.unknown', strings.buttonGone);
  if (!(await companion.isCurrent(user, action.planId))) return notice('checkin.older-plan', say.olderPlan);
  switch (action.kind) {
    case 'tick':
      return work.markDone(action.topicId);
    case 'push-back':
      return notice('checkin.pushed-back', await companion.pushBack(user, action.planId));
    case 'stop':
      return notice('plan.checkins-off', await companion.setCheckins(user, false));
    case 'calendar':
      return companionCommand(companion, user, { action: 'calendar' });
    case 'replan': {
      const input = await companion.lighterRequest(user, action.planId);
      if (typeof input === 'string') return notice('checkin.replan-none', input);
      return work.requestPlan(input);
    }
  }
}
