import type { CheckinContent } from '../../../src/core/plans/companion/checkin-content';
import type { CheckinJobData } from '../../../src/core/plans/companion/checkin-decision';
import type { CheckinState, CheckinStore } from '../../../src/core/plans/companion/checkin-state';
import type { StudyPlan } from '../../../src/core/plans/plan-service';
import type { CheckinDeps } from '../../../src/queue/checkin-processor';
import type { TimerClock } from '../../../src/queue/memory-checkin-scheduler';
import { samplePlan } from './sample-plan';

/** A clock whose time moves only when told; due timers run in order, their promises awaited. */
export class ManualClock implements TimerClock {
  private timers: { at: number; fn: () => void; handle: number }[] = [];
  private seq = 0;
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const handle = ++this.seq;
    this.timers.push({ at: this.time + ms, fn, handle });
    return handle;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.handle !== handle);
  };
  /** Moves to `to`, running every timer due on the way. */
  async advanceTo(to: number): Promise<void> {
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > to) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
    this.time = to;
  }
  get pending(): number {
    return this.timers.length;
  }
}

export const user = { platform: 'slack' as const, id: 'U1' };
export const clock = { startDate: '2026-03-02', weekday: 1 as const, zone: 'Europe/Berlin' };
export const jobFor = (planId: string, who = user): CheckinJobData => ({
  v: 1,
  planId,
  user: who,
  target: { platform: 'slack', data: { userId: who.id } },
});
export const stateFor = (planId: string, patch: Partial<CheckinState> = {}): CheckinState => ({
  planId,
  enabled: true,
  paused: false,
  clock,
  pushBack: 0,
  ...patch,
});

/** Processor deps over a store, the sample plan, and a list of what was sent. */
export function recordingDeps(store: CheckinStore, onFinish: (job: CheckinJobData) => Promise<void>) {
  const sent: { planId: string; userId: string; week: number; content: CheckinContent }[] = [];
  const deps: CheckinDeps = {
    store,
    loadPlan: async () => ({ plan: samplePlan() as StudyPlan, done: [] }),
    send: async (job, content) => {
      sent.push({ planId: job.planId, userId: job.user.id, week: content.week, content });
    },
    finish: onFinish,
    lockMs: 2_000,
  };
  return { deps, sent };
}
