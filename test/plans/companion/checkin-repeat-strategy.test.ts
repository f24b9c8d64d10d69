import { defaultRepeatStrategy } from 'bullmq';
import fc from 'fast-check';
import { checkinCron, checkinInstant, type Weekday } from '../../../src/core/plans/companion/time-zones';
import { checkinRepeat, checkinRepeatStrategy } from '../../../src/queue/checkin-scheduler';

// Zones with DST north and south, half- and quarter-hour offsets, and none.
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'Asia/Tokyo',
];
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2030-12-31T00:00:00Z');

describe('the check-in repeat strategy', () => {
  it('GIVEN any instant, zone and weekday THEN the next 09:00 is what BullMQ cron parser gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: TO }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: FROM, max: TO }), { nil: undefined }),
        (millis, tz, weekday, startDate) => {
          const opts = { pattern: checkinCron(weekday as Weekday), tz, startDate };
          expect(checkinRepeatStrategy(millis, opts)).toBe(defaultRepeatStrategy(millis, opts));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('GIVEN an instant exactly on a check-in THEN the next one is a week later, as the cron parser says', () => {
    const clock = { startDate: '2027-03-22', weekday: 1 as const, zone: 'Europe/Berlin' };
    // Week 2 is the first Monday of Berlin summer time: the week from it is an hour shorter.
    const at = checkinInstant(clock, 2).getTime();
    const opts = { pattern: checkinCron(1), tz: clock.zone };
    expect(checkinRepeatStrategy(at, opts)).toBe(checkinInstant(clock, 3).getTime());
    expect(checkinRepeatStrategy(at, opts)).toBe(defaultRepeatStrategy(at, opts));
  });

  it('GIVEN a plan clock THEN the first fire is week 2 at 09:00 local', () => {
    const clock = { startDate: '2027-10-25', weekday: 1 as const, zone: 'America/New_York' };
    const opts = checkinRepeat(clock);
    expect(checkinRepeatStrategy(Date.parse('2027-10-25T12:00:00Z'), opts)).toBe(
      checkinInstant(clock, 2).getTime(),
    );
  });

  it('GIVEN another pattern or none THEN BullMQ own strategy answers', () => {
    const millis = Date.parse('2027-01-01T10:00:00Z');
    const daily = { pattern: '30 7 * * *', tz: 'Europe/Berlin' };
    expect(checkinRepeatStrategy(millis, daily)).toBe(defaultRepeatStrategy(millis, daily));
    const noZone = { pattern: '0 9 * * 1' };
    expect(checkinRepeatStrategy(millis, noZone)).toBe(defaultRepeatStrategy(millis, noZone));
  });
});
