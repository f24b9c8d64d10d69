import { MemoryCheckinStore } from '../../../src/core/plans/companion/memory-checkin-store';
import { checkinInstant } from '../../../src/core/plans/companion/time-zones';
import { runCheckin } from '../../../src/queue/checkin-processor';
import { MemoryCheckinScheduler } from '../../../src/queue/memory-checkin-scheduler';
import { clock, jobFor, ManualClock, recordingDeps, stateFor, user } from './checkin-harness';

const week = (n: number) => checkinInstant(clock, n).getTime();

function setup() {
  const time = new ManualClock(Date.parse('2026-03-02T10:00:00Z'));
  const store = new MemoryCheckinStore(time.now);
  let scheduler!: MemoryCheckinScheduler;
  const { deps, sent } = recordingDeps(store, async (job) => {
    await scheduler.unschedule(job.user);
  });
  scheduler = new MemoryCheckinScheduler((job, at) => runCheckin(job, at, deps), time);
  return { time, store, scheduler, sent };
}

describe('in-memory check-in scheduler', () => {
  it('GIVEN a 4-week plan THEN weeks 2-4 are sent at 09:00 Berlin and then the schedule ends', async () => {
    const { time, store, scheduler, sent } = setup();
    await store.set(user, stateFor('job-1'));
    await scheduler.schedule(jobFor('job-1'), clock);
    await time.advanceTo(week(2) - 1);
    expect(sent).toHaveLength(0);
    await time.advanceTo(week(2));
    expect(sent.map((s) => s.week)).toEqual([2]);
    await time.advanceTo(week(6));
    expect(sent.map((s) => s.week)).toEqual([2, 3, 4]);
    expect(scheduler.size).toBe(0);
  });

  it('GIVEN check-ins turned off after scheduling THEN nothing is sent when the timer fires', async () => {
    const { time, store, scheduler, sent } = setup();
    await store.set(user, stateFor('job-1'));
    await scheduler.schedule(jobFor('job-1'), clock);
    await store.update(user, { enabled: false });
    await time.advanceTo(week(4));
    expect(sent).toHaveLength(0);
  });

  it('GIVEN a new plan THEN it replaces the old schedule: only the new plan is checked in', async () => {
    const { time, store, scheduler, sent } = setup();
    await store.set(user, stateFor('job-1'));
    await scheduler.schedule(jobFor('job-1'), clock);
    await store.set(user, stateFor('job-2'));
    await scheduler.schedule(jobFor('job-2'), clock);
    expect(time.pending).toBe(1);
    await time.advanceTo(week(2));
    expect(sent.map((s) => s.planId)).toEqual(['job-2']);
  });

  it('GIVEN unschedule THEN the timer is gone and a second unschedule says there was none', async () => {
    const { time, scheduler } = setup();
    await scheduler.schedule(jobFor('job-1'), clock);
    expect(await scheduler.unschedule(user)).toBe(true);
    expect(await scheduler.unschedule(user)).toBe(false);
    expect(time.pending).toBe(0);
  });
});
