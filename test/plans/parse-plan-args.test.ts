import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';

describe('plan words for check-ins', () => {
  test('GIVEN the check-in settings THEN they read as their actions, not as plan requests', () => {
    expect(parsePlanArgs('checkins off')).toEqual({ action: 'checkins', on: false });
    expect(parsePlanArgs('Check-ins ON')).toEqual({ action: 'checkins', on: true });
    expect(parsePlanArgs('checkins')).toEqual({ action: 'checkins' });
    expect(parsePlanArgs('checkins sometimes')).toEqual({ action: 'checkins' });
    expect(parsePlanArgs('pause')).toEqual({ action: 'pause' });
    expect(parsePlanArgs('resume')).toEqual({ action: 'resume' });
    expect(parsePlanArgs('calendar')).toEqual({ action: 'calendar' });
    expect(parsePlanArgs('timezone Europe/Berlin')).toEqual({ action: 'timezone', zone: 'Europe/Berlin' });
    expect(parsePlanArgs('tz')).toEqual({ action: 'timezone', zone: '' });
  });

  test('GIVEN the same words inside a request THEN it stays a request', () => {
    expect(parsePlanArgs('pause python weeks=4')).toMatchObject({
      action: 'new',
      input: { stack: 'pause python' },
    });
    expect(parsePlanArgs('python calendar')).toMatchObject({ action: 'new' });
  });
});
