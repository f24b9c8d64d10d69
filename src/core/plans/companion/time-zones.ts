/**
 * Time-zone arithmetic for weekly check-ins (pure; luxon over the runtime's IANA database). A check-in
 * goes out at 09:00 local time on the plan's weekday, whatever the UTC offset is that week (DST).
 */
import { DateTime, IANAZone } from 'luxon';
import { boundedMemo } from '../../bounded-memo';

/** The zone used when the user has not set one. */
export const DEFAULT_TIME_ZONE = 'UTC';
/** Local hour of every check-in. */
export const CHECKIN_HOUR = 9;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const EXAMPLES = 'Europe/Berlin, America/New_York, Asia/Kolkata or UTC';

/** The outcome of reading a time zone a user typed. */
export type ZoneParse =
  | { ok: true; zone: string }
  | { ok: false; id: 'plan-timezone-invalid'; message: string };

/**
 * Validates an IANA zone name (case forgiven: `europe/berlin` reads as `Europe/Berlin`). Offsets and
 * abbreviations such as `CET` or `+02:00` are refused: they do not follow DST.
 */
export function parseTimeZone(text: string): ZoneParse {
  const raw = text.trim();
  const fail = (why: string): ZoneParse => ({
    ok: false,
    id: 'plan-timezone-invalid',
    message: `${why} Use a place name such as ${EXAMPLES}.`,
  });
  if (raw === '') return fail('Which time zone?');
  if (raw.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(raw)) return fail('That is not a time-zone name.');
  if (/^utc$|^etc\/utc$|^gmt$/i.test(raw)) return { ok: true, zone: 'UTC' };
  if (!raw.includes('/')) return fail(`"${raw}" is not a time zone I can use (no daylight saving rules).`);
  if (!isKnownZone(raw)) return fail(`I don't know the time zone "${raw}".`);
  // Intl gives back the canonical spelling ("europe/berlin" -> "Europe/Berlin"), but for some zones
  // an older alias ("Asia/Kolkata" -> "Asia/Calcutta"): then the name typed is kept, its case tidied.
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  if (canonical.toLowerCase() === raw.toLowerCase()) return { ok: true, zone: canonical };
  if (raw !== raw.toLowerCase()) return { ok: true, zone: raw };
  return {
    ok: true,
    zone: raw.replace(/(^|[/_])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase()),
  };
}

/** `plan timezone <zone>`: the zone, or a friendly error. Anything else: undefined (not this command). */
export function parseTimeZoneCommand(text: string): ZoneParse | undefined {
  const match = /^\s*plan\s+(?:timezone|tz|time\s+zone)\b\s*(.*)$/i.exec(text);
  return match ? parseTimeZone(match[1] ?? '') : undefined;
}

// Whether a name is a zone is fixed for the life of the process, and luxon answers it by building an
// Intl.DateTimeFormat (a fifth of a millisecond): every delivered plan asks a few times.
const zoneValidity = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (remembered, at most 1,000 names). */
function isKnownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** A zone that is valid, else the default (for stored values of unknown age). */
export function safeZone(zone: string | undefined): string {
  return zone && isKnownZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** The local calendar date (YYYY-MM-DD) and weekday of an instant in `zone`. */
export function localDate(instant: Date | string, zone: string): { date: string; weekday: Weekday } {
  const at = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(
    safeZone(zone),
  );
  return { date: at.toISODate() ?? '1970-01-01', weekday: at.weekday as Weekday };
}

/** What places a plan's weeks in time. */
export interface PlanClock {
  /** The plan's first day, a local date YYYY-MM-DD. */
  startDate: string;
  /** The weekday each week starts on (check-in day). */
  weekday: Weekday;
  /** IANA zone (default UTC). */
  zone: string;
}

/** Week 1's local date: the first date on or after `startDate` that falls on `weekday`. */
export function firstWeekDate(clock: PlanClock): DateTime {
  const start = DateTime.fromISO(clock.startDate, { zone: safeZone(clock.zone) }).startOf('day');
  return start.plus({ days: (clock.weekday - start.weekday + 7) % 7 });
}

// Zone arithmetic costs tens to hundreds of microseconds in luxon; the same plan weeks are asked for
// on every fire, so instants are remembered (pure: same inputs, same answer), at most 50,000 at once.
const rememberedInstant = boundedMemo<number>(50_000);

/**
 * The instant of week `week`'s check-in (1-based): 09:00 local on the plan's weekday of that week.
 * Calendar arithmetic in the zone, so a DST change moves the UTC time, never the local one.
 */
export function checkinInstant(clock: PlanClock, week: number): Date {
  const key = `${clock.startDate}|${clock.weekday}|${clock.zone}|${week}`;
  const at = rememberedInstant(key, () =>
    firstWeekDate(clock)
      .plus({ weeks: week - 1 })
      .set({ hour: CHECKIN_HOUR, minute: 0, second: 0, millisecond: 0 })
      .toMillis(),
  );
  return new Date(at);
}

/** Every week's check-in instant for a plan of `weeks` weeks. */
export function checkinInstants(clock: PlanClock, weeks: number): Date[] {
  return Array.from({ length: weeks }, (_, i) => checkinInstant(clock, i + 1));
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The plan week an instant falls in (1-based; 0 before week 1): the last week whose check-in instant
 * is not after it, so a fire a few seconds late still counts as its week.
 */
export function weekAt(clock: PlanClock, instant: Date): number {
  const t = instant.getTime();
  const first = checkinInstant(clock, 1).getTime();
  if (t < first) return 0;
  // A week is 7 days +- 1 hour around a DST change: start from the estimate and step to the exact week.
  let week = Math.floor((t - first) / WEEK_MS) + 1;
  while (week > 1 && checkinInstant(clock, week).getTime() > t) week--;
  while (checkinInstant(clock, week + 1).getTime() <= t) week++;
  return week;
}

/** The cron pattern (minute hour * * weekday) BullMQ evaluates in the zone: 09:00 on the weekday. */
export function checkinCron(weekday: Weekday): string {
  return `0 ${CHECKIN_HOUR} * * ${weekday % 7}`;
}

/** A weekly local time: ISO weekday (1 = Monday ... 7 = Sunday), hour and minute. */
export interface WeeklyTime {
  weekday: Weekday;
  hour: number;
  minute: number;
}

// Remembered like checkinInstant's (luxon's zone arithmetic is a tenth of a millisecond or more in a
// zone with DST): plans delivered the same local day ask from the same instant (the start of their
// week 2), and check-ins that fire together ask from the same fire time. At most 50,000 at once.
const rememberedNextWeekly = boundedMemo<number>(50_000);

/**
 * The first instant strictly after `after` (epoch ms) that is `at` local time in `zone`: calendar
 * arithmetic in the zone, so a DST change moves the UTC time, never the local one (what a cron
 * pattern `minute hour * * weekday` evaluated in the zone gives, without parsing one).
 */
export function nextWeeklyInstant(after: number, at: WeeklyTime, zone: string): number {
  return rememberedNextWeekly(`${after}|${at.weekday}|${at.hour}|${at.minute}|${zone}`, () => {
    const now = DateTime.fromMillis(after, { zone: safeZone(zone) });
    const day = now
      .plus({ days: (at.weekday - now.weekday + 7) % 7 })
      .set({ hour: at.hour, minute: at.minute, second: 0, millisecond: 0 });
    return day.toMillis() > after ? day.toMillis() : day.plus({ weeks: 1 }).toMillis();
  });
}

/** The sentence a plan shows about its check-ins, naming the zone (and that UTC is the default). */
export function checkinTimeNote(clock: PlanClock): string {
  const day = DateTime.fromObject({ weekday: clock.weekday }).setLocale('en').toFormat('cccc');
  const zone = safeZone(clock.zone);
  const hint =
    zone === DEFAULT_TIME_ZONE ? ' (the default; say `plan timezone Europe/Berlin` to change it)' : '';
  return `Check-ins: ${day}s at 09:00 ${zone}${hint}.`;
}
