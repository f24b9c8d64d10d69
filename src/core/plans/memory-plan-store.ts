import type { StudyPlan, UserRef } from './plan-service';
import type { ClaimResult, DeliveryGate, PlanStore } from './plan-store';

/** {@link PlanStore} in process memory (no REDIS_URL): the same rules, lost on restart. */
export class MemoryPlanStore implements PlanStore {
  private readonly active = new Map<string, { jobId: string; since: number }>();
  private readonly counts = new Map<string, number>();
  private readonly latest = new Map<string, StudyPlan>();
  private readonly done = new Map<string, Set<string>>();
  private readonly delivered = new Set<string>();
  private readonly locks = new Map<string, { token: string; until: number }>();
  private readonly notified = new Set<string>();
  private readonly cancelled = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  private static key(user: UserRef): string {
    return `${user.platform}:${user.id}`;
  }

  async claim(
    user: UserRef,
    jobId: string,
    dailyCap: number,
    day: string,
    now: number,
  ): Promise<ClaimResult> {
    const key = MemoryPlanStore.key(user);
    const existing = this.active.get(key);
    if (existing) return { status: 'active', ...existing };
    const countKey = `${key}:${day}`;
    const count = this.counts.get(countKey) ?? 0;
    if (count >= dailyCap) return { status: 'over-cap', count };
    if (this.counts.size > 10_000) {
      for (const k of this.counts.keys()) if (!k.endsWith(`:${day}`)) this.counts.delete(k);
    }
    this.active.set(key, { jobId, since: now });
    this.counts.set(countKey, count + 1);
    return { status: 'claimed', done: [...(this.done.get(key) ?? [])].sort() };
  }

  async activeJob(user: UserRef): Promise<{ jobId: string; since: number } | undefined> {
    return this.active.get(MemoryPlanStore.key(user));
  }

  async release(user: UserRef, jobId: string): Promise<void> {
    const key = MemoryPlanStore.key(user);
    if (this.active.get(key)?.jobId === jobId) this.active.delete(key);
  }

  async unclaim(user: UserRef, jobId: string, day: string): Promise<void> {
    const key = MemoryPlanStore.key(user);
    if (this.active.get(key)?.jobId !== jobId) return;
    this.active.delete(key);
    const countKey = `${key}:${day}`;
    this.counts.set(countKey, Math.max(0, (this.counts.get(countKey) ?? 0) - 1));
  }

  async beginDelivery(jobId: string, lockMs: number, token: string): Promise<DeliveryGate> {
    if (this.delivered.has(jobId)) return 'delivered';
    const lock = this.locks.get(jobId);
    if (lock && lock.until > this.now()) return 'busy';
    this.locks.set(jobId, { token, until: this.now() + lockMs });
    return 'deliver';
  }

  async cancel(user: UserRef, jobId: string, day: string): Promise<void> {
    this.cancelled.add(jobId);
    await this.unclaim(user, jobId, day);
  }

  async savePlan(user: UserRef, jobId: string, plan: StudyPlan): Promise<boolean> {
    if (this.cancelled.has(jobId)) return false;
    const key = MemoryPlanStore.key(user);
    const saved = this.latest.get(key);
    if (!saved || saved.createdAt <= plan.createdAt) this.latest.set(key, plan);
    return true;
  }

  async finishDelivery(user: UserRef, jobId: string, token?: string): Promise<void> {
    this.delivered.add(jobId);
    if (token !== undefined && this.locks.get(jobId)?.token === token) this.locks.delete(jobId);
    await this.release(user, jobId);
  }

  async abortDelivery(jobId: string, token: string): Promise<void> {
    if (this.locks.get(jobId)?.token === token) this.locks.delete(jobId);
  }

  async failed(user: UserRef, jobId: string): Promise<boolean> {
    await this.release(user, jobId);
    if (this.delivered.has(jobId) || this.notified.has(jobId)) return false;
    this.notified.add(jobId);
    return true;
  }

  async latestPlan(user: UserRef): Promise<StudyPlan | undefined> {
    return this.latest.get(MemoryPlanStore.key(user));
  }

  async doneTopics(user: UserRef): Promise<string[]> {
    return [...(this.done.get(MemoryPlanStore.key(user)) ?? [])].sort();
  }

  async markDone(user: UserRef, topicId: string): Promise<boolean> {
    const key = MemoryPlanStore.key(user);
    const set = this.done.get(key) ?? new Set<string>();
    this.done.set(key, set);
    if (set.has(topicId)) return false;
    set.add(topicId);
    return true;
  }
}
