import {
  checkinCron,
  checkinInstant,
  checkinInstants,
  checkinTimeNote,
  localDate,
  parseTimeZone,
  parseTimeZoneCommand,
  weekAt,
} from '../../../src/core/plans/companion/time-zones';

const iso = (d: Date) => d.toISOString();

describe('check-in instants', () => {
  it('GIVEN a UTC plan starting on a Monday THEN each week is 09:00Z seven days apart', () => {
    const clock = { startDate: '2026-03-02', weekday: 1 as const, zone: 'UTC' };
    expect(checkinInstants(clock, 3).map(iso)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
    ]);
  });

  it('GIVEN a start date on a Wednesday and a Monday plan THEN week 1 is the next Monday', () => {
    expect(iso(checkinInstant({ startDate: '2026-03-04', weekday: 1, zone: 'UTC' }, 1))).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });

  it('GIVEN Europe/Berlin across the late-March DST change THEN 09:00 local moves from 08:00Z to 07:00Z', () => {
    // Summer time starts Sunday 29 March 2026.
    const clock = { startDate: '2026-03-23', weekday: 1 as const, zone: 'Europe/Berlin' };
    expect(checkinInstants(clock, 2).map(iso)).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('GIVEN Europe/Berlin across the late-October change THEN 09:00 local moves from 07:00Z to 08:00Z', () => {
    // Summer time ends Sunday 25 October 2026; a Sunday check-in on that very day is at 09:00 CET.
    const clock = { startDate: '2026-10-18', weekday: 7 as const, zone: 'Europe/Berlin' };
    expect(checkinInstants(clock, 2).map(iso)).toEqual([
      '2026-10-18T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('GIVEN America/New_York across the March change THEN 09:00 local moves from 14:00Z to 13:00Z', () => {
    // DST starts Sunday 8 March 2026 in the US.
    const clock = { startDate: '2026-03-01', weekday: 1 as const, zone: 'America/New_York' };
    expect(checkinInstants(clock, 2).map(iso)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('GIVEN an instant THEN weekAt names the plan week it falls in, 0 before week 1', () => {
    const clock = { startDate: '2026-03-23', weekday: 1 as const, zone: 'Europe/Berlin' };
    expect(weekAt(clock, new Date('2026-03-23T07:59:00Z'))).toBe(0);
    expect(weekAt(clock, new Date('2026-03-23T08:00:00Z'))).toBe(1);
    expect(weekAt(clock, new Date('2026-03-30T07:00:05Z'))).toBe(2);
    expect(weekAt(clock, new Date('2026-04-05T23:00:00Z'))).toBe(2);
  });

  it('GIVEN a delivery instant THEN localDate is the date and weekday in the zone', () => {
    expect(localDate('2026-03-01T23:30:00.000Z', 'Europe/Berlin')).toEqual({
      date: '2026-03-02',
      weekday: 1,
    });
    expect(localDate('2026-03-01T23:30:00.000Z', 'UTC')).toEqual({ date: '2026-03-01', weekday: 7 });
  });

  it('GIVEN a weekday THEN the cron pattern fires at 09:00 that day (Sunday as 0)', () => {
    expect(checkinCron(1)).toBe('0 9 * * 1');
    expect(checkinCron(7)).toBe('0 9 * * 0');
  });

  it('GIVEN the default zone THEN the plan note says UTC is the default and how to change it', () => {
    expect(checkinTimeNote({ startDate: '2026-03-02', weekday: 1, zone: 'UTC' })).toMatch(
      /Mondays at 09:00 UTC \(the default; say `plan timezone/,
    );
    expect(checkinTimeNote({ startDate: '2026-03-02', weekday: 3, zone: 'Asia/Kolkata' })).toBe(
      'Check-ins: Wednesdays at 09:00 Asia/Kolkata.',
    );
  });
});

describe('parsing a time zone', () => {
  it('GIVEN a valid zone in any case THEN its canonical name is returned', () => {
    expect(parseTimeZone('europe/berlin')).toEqual({ ok: true, zone: 'Europe/Berlin' });
    expect(parseTimeZone(' America/New_York ')).toEqual({ ok: true, zone: 'America/New_York' });
    expect(parseTimeZone('utc')).toEqual({ ok: true, zone: 'UTC' });
    // ICU's canonical names are sometimes the older aliases: the current name typed is kept.
    expect(parseTimeZone('Asia/Kolkata')).toEqual({ ok: true, zone: 'Asia/Kolkata' });
    expect(parseTimeZone('asia/kolkata')).toEqual({ ok: true, zone: 'Asia/Kolkata' });
    expect(parseTimeZone('europe/kyiv')).toEqual({ ok: true, zone: 'Europe/Kyiv' });
    expect(parseTimeZone('america/port-au-prince')).toEqual({ ok: true, zone: 'America/Port-au-Prince' });
  });

  it.each(['Mars/Olympus', 'CET', '+02:00', '', 'Europe/Berlin; DROP', '@everyone'])(
    'GIVEN "%s" THEN a friendly error names examples',
    (text) => {
      const result = parseTimeZone(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.id).toBe('plan-timezone-invalid');
        expect(result.message).toContain('Europe/Berlin');
        expect(result.message).not.toContain('@everyone');
      }
    },
  );

  it('GIVEN the command text THEN plan timezone is recognised and other text is not', () => {
    expect(parseTimeZoneCommand('plan timezone Europe/Berlin')).toEqual({ ok: true, zone: 'Europe/Berlin' });
    expect(parseTimeZoneCommand('plan timezone')?.ok).toBe(false);
    expect(parseTimeZoneCommand('plan show')).toBeUndefined();
  });
});
