/**
 * Plan state in Redis. Every key starts with the BullMQ prefix (a hash tag by default, so the Lua
 * scripts below, which touch several keys, also work on Redis Cluster):
 *
 * - `<prefix>:plan:active:<user>`   "<job id> <claimed at ms>" of the user's plan in progress (TTL as a backstop)
 * - `<prefix>:plan:count:<user>:<day>` plans asked for that UTC day (expires after two days)
 * - `<prefix>:plan:latest:<user>`   hash {plan, requestedAt, jobId}: the latest plan (its data, as JSON)
 * - `<prefix>:plan:done:<user>`     set of topic ids marked done (kept across plans)
 * - `<prefix>:plan:delivered:<job>` present once the job's plan was delivered (30 days)
 * - `<prefix>:plan:delivering:<job>` the delivery lock (token, short TTL)
 * - `<prefix>:plan:failnotice:<job>` present once the user was told the job failed
 * - `<prefix>:plan:cancelled:<job>` present when the user was told the request failed (2 days)
 */
import type { Redis } from 'ioredis';
import type { StudyPlan, UserRef } from '../core/plans/plan-service';
import type { ClaimResult, DeliveryGate, PlanStore } from '../core/plans/plan-store';
import { type PlanData, planData, withMarkdown } from '../core/plans/render-plan';

const DAY_S = 86_400;

const SCRIPTS = {
  // Claims the slot and answers the user's done topics (KEYS[3]) in the same step.
  planClaim: {
    numberOfKeys: 3,
    lua: `
local active = redis.call('GET', KEYS[1])
if active then return {'active', active} end
local count = tonumber(redis.call('GET', KEYS[2]) or '0')
if count >= tonumber(ARGV[2]) then return {'over-cap', tostring(count)} end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[5], 'EX', ARGV[3])
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return {'claimed', '', redis.call('SMEMBERS', KEYS[3])}`,
  },
  // Deletes KEYS[1] when its value is ARGV[1] or starts with "ARGV[1] " (an active slot: "jobId since").
  planRelease: {
    numberOfKeys: 1,
    lua: `
local v = redis.call('GET', KEYS[1])
if v and (v == ARGV[1] or string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ') then redis.call('DEL', KEYS[1]) end
return 1`,
  },
  planUnclaim: {
    numberOfKeys: 2,
    lua: `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then
  redis.call('DEL', KEYS[1])
  if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
end
return 1`,
  },
  planBeginDelivery: {
    numberOfKeys: 2,
    lua: `
if redis.call('EXISTS', KEYS[1]) == 1 then return 'delivered' end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'deliver' end
return 'busy'`,
  },
  planSave: {
    numberOfKeys: 2,
    lua: `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local saved = redis.call('HGET', KEYS[1], 'requestedAt')
if (not saved) or saved <= ARGV[3] then
  redis.call('HSET', KEYS[1], 'plan', ARGV[2], 'requestedAt', ARGV[3], 'jobId', ARGV[1])
end
return 1`,
  },
  planCancel: {
    numberOfKeys: 3,
    lua: `
redis.call('SET', KEYS[3], '1', 'EX', ARGV[2])
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then
  redis.call('DEL', KEYS[1])
  if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
end
return 1`,
  },
  planFinishDelivery: {
    numberOfKeys: 3,
    lua: `
redis.call('SET', KEYS[1], '1', 'EX', ARGV[3])
if ARGV[2] ~= '' and redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
local v = redis.call('GET', KEYS[3])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then redis.call('DEL', KEYS[3]) end
return 1`,
  },
  planFailed: {
    numberOfKeys: 3,
    lua: `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then redis.call('DEL', KEYS[1]) end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[2]) then return 1 end
return 0`,
  },
} as const;

type Scripted = Redis & {
  planClaim(...args: (string | number)[]): Promise<[string, string, string[]?]>;
  planRelease(...args: (string | number)[]): Promise<number>;
  planUnclaim(...args: (string | number)[]): Promise<number>;
  planBeginDelivery(...args: (string | number)[]): Promise<DeliveryGate>;
  planFinishDelivery(...args: (string | number)[]): Promise<number>;
  planSave(...args: (string | number)[]): Promise<number>;
  planCancel(...args: (string | number)[]): Promise<number>;
  planFailed(...args: (string | number)[]): Promise<number>;
};

/** Options of the Redis plan store. */
export interface RedisPlanStoreOptions {
  /** Key prefix: the BullMQ prefix, e.g. `{backend-mentor}`. */
  prefix: string;
  /** How long a claim holds the user's in-progress slot at most (default 6 hours). */
  activeTtlSeconds?: number;
}

/** {@link PlanStore} on Redis; atomic steps are Lua scripts. */
export class RedisPlanStore implements PlanStore {
  private readonly redis: Scripted;
  private readonly activeTtl: number;

  constructor(
    redis: Redis,
    private readonly options: RedisPlanStoreOptions,
  ) {
    for (const [name, script] of Object.entries(SCRIPTS)) {
      if (!(name in redis)) redis.defineCommand(name, script);
    }
    this.redis = redis as Scripted;
    this.activeTtl = options.activeTtlSeconds ?? 6 * 3600;
  }

  private key(kind: string, rest: string): string {
    return `${this.options.prefix}:plan:${kind}:${rest}`;
  }

  private userKey(kind: string, user: UserRef): string {
    return this.key(kind, `${user.platform}:${encodeURIComponent(user.id)}`);
  }

  async claim(
    user: UserRef,
    jobId: string,
    dailyCap: number,
    day: string,
    now: number,
  ): Promise<ClaimResult> {
    const [status, value, done = []] = await this.redis.planClaim(
      this.userKey('active', user),
      `${this.userKey('count', user)}:${day}`,
      this.userKey('done', user),
      jobId,
      dailyCap,
      this.activeTtl,
      2 * DAY_S,
      now,
    );
    if (status === 'active') {
      const [jobId = '', since = '0'] = value.split(' ');
      return { status: 'active', jobId, since: Number(since) };
    }
    if (status === 'over-cap') return { status: 'over-cap', count: Number(value) };
    return { status: 'claimed', done: done.sort() };
  }

  async activeJob(user: UserRef): Promise<{ jobId: string; since: number } | undefined> {
    const value = await this.redis.get(this.userKey('active', user));
    if (!value) return undefined;
    const [jobId = '', since = '0'] = value.split(' ');
    return { jobId, since: Number(since) };
  }

  async release(user: UserRef, jobId: string): Promise<void> {
    await this.redis.planRelease(this.userKey('active', user), jobId);
  }

  async unclaim(user: UserRef, jobId: string, day: string): Promise<void> {
    await this.redis.planUnclaim(
      this.userKey('active', user),
      `${this.userKey('count', user)}:${day}`,
      jobId,
    );
  }

  async beginDelivery(jobId: string, lockMs: number, token: string): Promise<DeliveryGate> {
    return this.redis.planBeginDelivery(
      this.key('delivered', jobId),
      this.key('delivering', jobId),
      token,
      lockMs,
    );
  }

  async cancel(user: UserRef, jobId: string, day: string): Promise<void> {
    await this.redis.planCancel(
      this.userKey('active', user),
      `${this.userKey('count', user)}:${day}`,
      this.key('cancelled', jobId),
      jobId,
      2 * DAY_S,
    );
  }

  async savePlan(user: UserRef, jobId: string, plan: StudyPlan): Promise<boolean> {
    const saved = await this.redis.planSave(
      this.userKey('latest', user),
      this.key('cancelled', jobId),
      jobId,
      // Plain data only: the Markdown is rendered again when the plan is read (a third of the bytes).
      JSON.stringify(planData(plan)),
      plan.createdAt,
    );
    return saved === 1;
  }

  async finishDelivery(user: UserRef, jobId: string, token = ''): Promise<void> {
    await this.redis.planFinishDelivery(
      this.key('delivered', jobId),
      this.key('delivering', jobId),
      this.userKey('active', user),
      jobId,
      token,
      30 * DAY_S,
    );
  }

  async abortDelivery(jobId: string, token: string): Promise<void> {
    await this.redis.planRelease(this.key('delivering', jobId), token);
  }

  async failed(user: UserRef, jobId: string): Promise<boolean> {
    const told = await this.redis.planFailed(
      this.userKey('active', user),
      this.key('delivered', jobId),
      this.key('failnotice', jobId),
      jobId,
      30 * DAY_S,
    );
    return told === 1;
  }

  async latestPlan(user: UserRef): Promise<StudyPlan | undefined> {
    const json = await this.redis.hget(this.userKey('latest', user), 'plan');
    return json ? withMarkdown(JSON.parse(json) as PlanData) : undefined;
  }

  async doneTopics(user: UserRef): Promise<string[]> {
    return (await this.redis.smembers(this.userKey('done', user))).sort();
  }

  async markDone(user: UserRef, topicId: string): Promise<boolean> {
    return (await this.redis.sadd(this.userKey('done', user), topicId)) === 1;
  }
}
