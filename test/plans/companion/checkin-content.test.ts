import { behindDecision } from '../../../src/core/plans/companion/behind-rule';
import {
  calendarActionId,
  parseCheckinActionId,
  pushActionId,
  replanActionId,
  stopActionId,
  tickActionId,
} from '../../../src/core/plans/companion/checkin-actions';
import { checkinContent } from '../../../src/core/plans/companion/checkin-content';
import { checkCheckinJob, decideCheckin } from '../../../src/core/plans/companion/checkin-decision';
import type { CheckinState } from '../../../src/core/plans/companion/checkin-state';
import { checkinInstant } from '../../../src/core/plans/companion/time-zones';
import { samplePlan } from './sample-plan';

const clock = { startDate: '2026-03-02', weekday: 1 as const, zone: 'Europe/Berlin' };
const at = (week: number) => checkinInstant(clock, week);
const state = (patch: Partial<CheckinState> = {}): CheckinState => ({
  planId: 'job-1',
  enabled: true,
  paused: false,
  clock,
  pushBack: 0,
  ...patch,
});
const job = {
  v: 1 as const,
  planId: 'job-1',
  user: { platform: 'slack' as const, id: 'U1' },
  target: { platform: 'slack', data: { userId: 'U1' } },
};

describe('check-in content', () => {
  it('GIVEN week 2 with Git not done THEN it lists this week and Git as still open, with tick buttons', () => {
    const c = checkinContent({ planId: 'job-1', plan: samplePlan(), done: new Set(['sql']), week: 2 });
    expect(c.thisWeek.map((t) => [t.id, t.done])).toEqual([
      ['python', false],
      ['sql', true],
    ]);
    expect(c.openFromLastWeek.map((t) => t.id)).toEqual(['git']);
    expect(c.actions.map((a) => a.id)).toEqual([
      'checkin:tick:job-1:git',
      'checkin:tick:job-1:python',
      'checkin:push:job-1',
      'checkin:stop:job-1',
      'checkin:calendar:job-1',
    ]);
    expect(c.text).toContain('**Week 2 of 4**');
    expect(c.text).toContain('Still open from before:\n- [ ] **Git** (4 h)');
  });

  it('GIVEN action ids THEN they read back, and foreign or malformed ids do not', () => {
    const id = '0b6f1c2e-1111-4a2b-9c3d-5e6f7a8b9c0d';
    expect(parseCheckinActionId(tickActionId(id, 'python'))).toEqual({
      kind: 'tick',
      planId: id,
      topicId: 'python',
    });
    expect(parseCheckinActionId(pushActionId(id))).toEqual({ kind: 'push-back', planId: id });
    expect(parseCheckinActionId(stopActionId(id))).toEqual({ kind: 'stop', planId: id });
    expect(parseCheckinActionId(replanActionId(id))).toEqual({ kind: 'replan', planId: id });
    expect(parseCheckinActionId(calendarActionId(id))).toEqual({ kind: 'calendar', planId: id });
    expect(tickActionId(id, 'frontend-integration').length).toBeLessThanOrEqual(100);
    expect(parseCheckinActionId('checkin:tick:job-1:<@everyone>')).toBeUndefined();
    expect(parseCheckinActionId('checkin:stop:job-1:extra')).toBeUndefined();
    expect(parseCheckinActionId('checkin:stop')).toBeUndefined();
    expect(parseCheckinActionId('feedback:up')).toBeUndefined();
  });
});

describe('behind rule', () => {
  it('GIVEN no tick for two weeks THEN a lighter re-plan of the remaining topics keeps what is done', () => {
    const d = behindDecision({ plan: samplePlan(), done: new Set(['git']), state: state(), week: 3 });
    expect(d.behind).toBe(true);
    if (!d.behind) return;
    // 4 h done over 2 weeks: 2 h a week; remaining python 10 + sql 6 + django 10 = 26 h.
    expect(d.hoursPerWeek).toBe(2);
    expect(d.request).toMatchObject({ stack: ['python', 'sql', 'django'], hoursPerWeek: 2, weeks: 14 });
    expect(d.done).toEqual(['git']);
  });

  it('GIVEN nothing done at all THEN the lighter pace is half the planned hours', () => {
    const d = behindDecision({ plan: samplePlan(), done: new Set(), state: state(), week: 3 });
    expect(d.behind && d.hoursPerWeek).toBe(5);
  });

  it('GIVEN a tick within the last two weeks, or an offer already made, THEN no offer', () => {
    const ticked = state({ lastTickAt: at(1).getTime() + 1000 });
    expect(behindDecision({ plan: samplePlan(), done: new Set(), state: ticked, week: 3 }).behind).toBe(
      false,
    );
    const offered = state({ replanOfferedAt: at(2).getTime() });
    expect(behindDecision({ plan: samplePlan(), done: new Set(), state: offered, week: 3 }).behind).toBe(
      false,
    );
    expect(behindDecision({ plan: samplePlan(), done: new Set(), state: state(), week: 2 }).behind).toBe(
      false,
    );
  });
});

describe('deciding a fired check-in', () => {
  const plan = samplePlan();
  it('GIVEN check-ins off THEN nothing is sent even though the job fired', () => {
    const d = decideCheckin({ job, state: state({ enabled: false }), plan, done: new Set(), firedAt: at(2) });
    expect(d).toEqual({ kind: 'skip', reason: 'off' });
  });

  it('GIVEN paused, another plan, or no state THEN nothing is sent', () => {
    const fire = (s: CheckinState | undefined) =>
      decideCheckin({ job, state: s, plan, done: new Set(), firedAt: at(2) });
    expect(fire(state({ paused: true }))).toEqual({ kind: 'skip', reason: 'paused' });
    expect(fire(state({ planId: 'job-2' }))).toEqual({ kind: 'skip', reason: 'other-plan' });
    expect(fire(undefined)).toEqual({ kind: 'skip', reason: 'no-state' });
  });

  it('GIVEN a fire a little late in week 2 THEN week 2 is sent; pushed back a week THEN week 1 again', () => {
    const late = new Date(at(2).getTime() + 90_000);
    const d = decideCheckin({ job, state: state(), plan, done: new Set(), firedAt: late });
    expect(d.kind === 'send' && d.week).toBe(2);
    const pushed = decideCheckin({
      job,
      state: state({ pushBack: 1 }),
      plan,
      done: new Set(),
      firedAt: late,
    });
    expect(pushed.kind === 'send' && pushed.week).toBe(1);
  });

  it('GIVEN the week after the last THEN the schedule finishes', () => {
    expect(decideCheckin({ job, state: state(), plan, done: new Set(), firedAt: at(5) })).toEqual({
      kind: 'finish',
    });
  });

  it('GIVEN two weeks without a tick THEN the check-in carries the re-plan offer and button', () => {
    const d = decideCheckin({ job, state: state(), plan, done: new Set(), firedAt: at(3) });
    expect(d.kind).toBe('send');
    if (d.kind !== 'send') return;
    expect(d.replan?.request.hoursPerWeek).toBe(5);
    expect(d.content.actions.at(-1)).toEqual({
      kind: 'replan',
      id: 'checkin:replan:job-1',
      label: 'Lighter plan',
    });
    expect(d.content.text).toContain('want a lighter plan?');
  });

  it('GIVEN job data THEN a valid payload passes and a bad one is named', () => {
    expect(checkCheckinJob(job)).toEqual({ ok: true, job });
    expect(checkCheckinJob({ ...job, v: 2 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^v:/),
    });
    expect(checkCheckinJob({ ...job, target: { platform: 'discord', data: { userId: 'x' } } }).ok).toBe(
      false,
    );
    expect(checkCheckinJob('nope').ok).toBe(false);
  });
});
