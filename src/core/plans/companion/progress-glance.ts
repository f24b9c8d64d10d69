/**
 * Progress at a glance for the top of `plan show` (pure): topics done of planned, hours done, weeks
 * left at the learner's pace, and a compact text bar every platform can show.
 */
import type { StudyPlan } from '../plan-service';

/** A distinct topic of a plan with its hours summed over every week it spans. */
export interface TopicTotal {
  id: string;
  title: string;
  hours: number;
  /** The first week the topic appears in. */
  firstWeek: number;
}

/** The distinct topics of a plan in order, hours summed over their parts. */
export function topicTotals(plan: Pick<StudyPlan, 'weeks'>): TopicTotal[] {
  const byId = new Map<string, TopicTotal>();
  for (const week of plan.weeks) {
    for (const t of week.topics) {
      const seen = byId.get(t.id);
      if (seen) seen.hours += t.hours;
      else byId.set(t.id, { id: t.id, title: t.title, hours: t.hours, firstWeek: week.week });
    }
  }
  return [...byId.values()];
}

/** The figures behind the progress line. */
export interface PlanProgress {
  topicsDone: number;
  topicsPlanned: number;
  hoursDone: number;
  hoursPlanned: number;
  /** 0-100, by hours. */
  percent: number;
  /** Weeks still needed at the current pace (the planned pace until something is done). */
  weeksLeft: number;
  /** Which pace `weeksLeft` assumes. */
  pace: 'planned' | 'actual';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Progress of `plan` given the done topic ids and the plan weeks already behind the learner
 * (`weeksElapsed`, e.g. from `weekAt(...) - 1`). Pace = hours done / weeks elapsed; while nothing is
 * done or no week has passed, the plan's own hours a week.
 */
export function planProgress(
  plan: Pick<StudyPlan, 'weeks' | 'request'>,
  done: ReadonlySet<string>,
  weeksElapsed = 0,
): PlanProgress {
  const topics = topicTotals(plan);
  const finished = topics.filter((t) => done.has(t.id));
  const hoursPlanned = topics.reduce((s, t) => s + t.hours, 0);
  const hoursDone = finished.reduce((s, t) => s + t.hours, 0);
  const left = hoursPlanned - hoursDone;
  const actual = weeksElapsed > 0 && hoursDone > 0;
  const perWeek = actual ? hoursDone / weeksElapsed : Math.max(1, plan.request.hoursPerWeek);
  return {
    topicsDone: finished.length,
    topicsPlanned: topics.length,
    hoursDone: round1(hoursDone),
    hoursPlanned: round1(hoursPlanned),
    percent: hoursPlanned === 0 ? 100 : Math.round((hoursDone / hoursPlanned) * 100),
    weeksLeft: left <= 0 ? 0 : Math.ceil(left / perWeek - 1e-9),
    pace: actual ? 'actual' : 'planned',
  };
}

/** `▓▓▓░░░ 50%`: `width` cells, filled by the percent (never full below 100, never empty above 0). */
export function progressBar(percent: number, width = 10): string {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  let filled = Math.round((p / 100) * width);
  if (p > 0 && filled === 0) filled = 1;
  if (p < 100 && filled === width) filled = width - 1;
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${p}%`;
}

/** "3/8 topics · 14/40 h · about 4 weeks left at your pace". */
export function progressLine(progress: PlanProgress): string {
  const weeks =
    progress.weeksLeft === 0
      ? 'all done'
      : `about ${progress.weeksLeft} week${progress.weeksLeft === 1 ? '' : 's'} left ${
          progress.pace === 'actual' ? 'at your pace' : 'as planned'
        }`;
  return `${progress.topicsDone}/${progress.topicsPlanned} topics · ${progress.hoursDone}/${progress.hoursPlanned} h · ${weeks}`;
}

/** The bar and the line together, as `plan show` opens (the same text on every platform). */
export function progressGlance(
  plan: Pick<StudyPlan, 'weeks' | 'request'>,
  done: ReadonlySet<string>,
  weeksElapsed = 0,
): string {
  const progress = planProgress(plan, done, weeksElapsed);
  return `${progressBar(progress.percent)} · ${progressLine(progress)}`;
}
