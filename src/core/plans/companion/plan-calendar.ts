/**
 * A plan as an iCalendar file (pure; ical-generator): one all-day event per plan week listing its
 * topics, with stable UIDs so re-importing an updated plan replaces events instead of duplicating them.
 */
import ical from 'ical-generator';
import type { StudyPlan } from '../plan-service';
import { firstWeekDate, type PlanClock } from './time-zones';

/** What the calendar needs besides the plan. */
export interface CalendarOptions {
  /** Stable id of the plan (the job id): part of every event's UID. */
  planId: string;
  clock: PlanClock;
  /** Topic ids done: shown ticked in the descriptions. */
  done?: ReadonlySet<string>;
  /** DTSTAMP: when the file is made (passed in to stay pure). */
  now: Date;
}

/** The file name a chat attaches the calendar as. */
export const CALENDAR_FILE_NAME = 'study-plan.ics';

const UID_SAFE = /[^A-Za-z0-9._-]/g;

/** The plan as an .ics string: VALUE=DATE all-day events, UID, DTSTAMP and PRODID on every one. */
export function planCalendar(plan: Pick<StudyPlan, 'weeks'>, options: CalendarOptions): string {
  const done = options.done ?? new Set<string>();
  const calendar = ical({
    prodId: { company: 'backend-mentor', product: 'study-plan', language: 'EN' },
    name: 'Study plan',
  });
  const first = firstWeekDate(options.clock);
  const planKey = options.planId.replace(UID_SAFE, '-');
  for (const week of plan.weeks) {
    const local = first.plus({ weeks: week.week - 1 });
    // All-day dates are calendar dates: build them at UTC midnight (ical-generator reads UTC fields).
    const start = new Date(Date.UTC(local.year, local.month - 1, local.day));
    const titles = [...new Set(week.topics.map((t) => t.title))];
    calendar.createEvent({
      id: `${planKey}-week-${week.week}@backend-mentor`,
      allDay: true,
      start,
      end: new Date(start.getTime() + 24 * 3600 * 1000),
      stamp: options.now,
      summary: `Study week ${week.week}: ${titles.join(', ') || 'review'}`,
      description: [
        `Week ${week.week} of ${plan.weeks.length}, ${week.hours} h:`,
        ...week.topics.map((t) => `${done.has(t.id) ? '[x]' : '[ ]'} ${t.title} (${t.hours} h)`),
      ].join('\n'),
    });
  }
  return calendar.toString();
}
