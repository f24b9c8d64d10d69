/**
 * Check-in schedules without Redis: one timer per user while the process lives, the same weekly
 * instants as the BullMQ scheduler (09:00 local on the plan's weekday, from week 2). Time comes from
 * an injected {@link TimerClock} so tests move it by weeks without waiting.
 */
import type { CheckinJobData } from '../core/plans/companion/checkin-decision';
import { checkinInstant, type PlanClock } from '../core/plans/companion/time-zones';
import type { UserRef } from '../core/plans/plan-service';
import { type CheckinScheduler, checkinSchedulerId } from './checkin-scheduler';

/** A clock with timers. */
export interface TimerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock (timers unref'd so a schedule never keeps the process alive). */
export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// setTimeout holds at most 2^31-1 ms (~24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;
const HORIZON_WEEKS = 60;

/** Runs `fire` for each check-in instant of each scheduled plan. */
export class MemoryCheckinScheduler implements CheckinScheduler {
  private readonly timers = new Map<string, unknown>();
  private closed = false;

  constructor(
    private readonly fire: (job: CheckinJobData, firedAt: Date) => Promise<unknown>,
    private readonly clock: TimerClock = systemClock,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** The next check-in instant after now (week 2 onwards), or undefined past the horizon. */
  private next(clock: PlanClock): number | undefined {
    const now = this.clock.now();
    for (let week = 2; week <= HORIZON_WEEKS; week++) {
      const at = checkinInstant(clock, week).getTime();
      if (at > now) return at;
    }
    return undefined;
  }

  private arm(id: string, job: CheckinJobData, clock: PlanClock): void {
    const at = this.next(clock);
    if (at === undefined || this.closed) {
      this.timers.delete(id);
      return;
    }
    const wait = at - this.clock.now();
    const handle = this.clock.setTimeout(
      () => {
        if (this.timers.get(id) !== handle) return;
        if (wait > MAX_TIMER_MS) return this.arm(id, job, clock);
        this.fire(job, new Date(at)).then(
          () => this.timers.get(id) === handle && this.arm(id, job, clock),
          (error) => {
            this.onError(error);
            if (this.timers.get(id) === handle) this.arm(id, job, clock);
          },
        );
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    this.timers.set(id, handle);
  }

  /** @inheritdoc */
  async schedule(job: CheckinJobData, clock: PlanClock): Promise<void> {
    const id = checkinSchedulerId(job.user);
    const old = this.timers.get(id);
    if (old !== undefined) this.clock.clearTimeout(old);
    this.arm(id, job, clock);
  }

  /** @inheritdoc */
  async unschedule(user: UserRef): Promise<boolean> {
    const id = checkinSchedulerId(user);
    const handle = this.timers.get(id);
    if (handle === undefined) return false;
    this.clock.clearTimeout(handle);
    this.timers.delete(id);
    return true;
  }

  /** How many plans are scheduled. */
  get size(): number {
    return this.timers.size;
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.closed = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }
}
