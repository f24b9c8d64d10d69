import ical from 'node-ical';
import { planCalendar } from '../../../src/core/plans/companion/plan-calendar';
import { samplePlan } from './sample-plan';

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');

describe('plan calendar', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const ics = planCalendar(samplePlan(), {
    planId: 'job:42',
    clock: { startDate: '2026-03-02', weekday: 1, zone: 'Europe/Berlin' },
    done: new Set(['git']),
    now,
  });

  it('GIVEN a 4-week plan THEN parsing the file back gives 4 all-day events a week apart', () => {
    const parsed = events(ics).sort((a, b) => +a.start - +b.start);
    expect(parsed).toHaveLength(4);
    expect(parsed.map((e) => e.datetype)).toEqual(['date', 'date', 'date', 'date']);
    expect(parsed.map((e) => e.start.toISOString().slice(0, 10))).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
  });

  it('GIVEN the events THEN summaries and descriptions list the week topics, done ones ticked', () => {
    const [week1, week2] = events(ics).sort((a, b) => +a.start - +b.start);
    expect(week1?.summary).toBe('Study week 1: Git, Python');
    expect(week2?.summary).toBe('Study week 2: Python, SQL');
    expect(week1?.description).toContain('[x] Git (4 h)');
    expect(week1?.description).toContain('[ ] Python (6 h)');
  });

  it('GIVEN the raw text THEN it has what calendar apps need: PRODID, UID, DTSTAMP, VALUE=DATE, CRLF', () => {
    expect(ics).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-\/\/backend-mentor\/\/study-plan\/\/EN\r\n/,
    );
    const parsed = events(ics);
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(4);
    expect(parsed[0]?.uid).toMatch(/^job-42-week-\d@backend-mentor$/);
    expect(parsed.every((e) => e.dtstamp?.toISOString() === now.toISOString())).toBe(true);
    expect(ics.match(/DTSTART;VALUE=DATE:\d{8}\r\n/g)).toHaveLength(4);
    expect(ics.match(/DTEND;VALUE=DATE:\d{8}\r\n/g)).toHaveLength(4);
  });

  it('GIVEN a Wednesday start and a Monday plan THEN week 1 is on the next Monday', () => {
    const text = planCalendar(samplePlan(), {
      planId: 'p',
      clock: { startDate: '2026-03-04', weekday: 1, zone: 'UTC' },
      now,
    });
    expect(text).toContain('DTSTART;VALUE=DATE:20260309');
  });
});
