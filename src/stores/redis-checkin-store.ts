import type Redis from 'ioredis';
import {
  type CheckinGate,
  type CheckinPrefs,
  type CheckinState,
  type CheckinStore,
  checkinKey,
  DELIVERED_KEEP_MS,
  readCheckinPrefs,
  readCheckinState,
} from '../core/plans/companion/checkin-state';
import type { UserRef } from '../core/plans/plan-service';

// Merges a JSON patch into the JSON state at KEYS[1] in one step (no lost update between processes).
const UPDATE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local state = cjson.decode(raw)
for k, v in pairs(cjson.decode(ARGV[1])) do state[k] = v end
local out = cjson.encode(state)
redis.call('SET', KEYS[1], out)
return out`;

// Merges a JSON patch into the JSON preferences at KEYS[1], creating them.
const UPDATE_PREFS = `
local raw = redis.call('GET', KEYS[1])
local prefs = raw and cjson.decode(raw) or {}
for k, v in pairs(cjson.decode(ARGV[1])) do prefs[k] = v end
local out = cjson.encode(prefs)
redis.call('SET', KEYS[1], out)
return out`;

// The send gate: 'sent' for ever (keepMs), else a lock taken with SET NX PX.
const BEGIN = `
local v = redis.call('GET', KEYS[1])
if v == 'sent' then return 'sent' end
if v then return 'busy' end
redis.call('SET', KEYS[1], 'lock:' .. ARGV[1], 'PX', ARGV[2])
return 'send'`;

const ABORT = `
if redis.call('GET', KEYS[1]) == 'lock:' .. ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/** Stored state read back; undefined when missing or not a state. */
function parseState(raw: string | null): CheckinState | undefined {
  if (!raw) return undefined;
  try {
    return readCheckinState(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** Stored preferences read back; {} when missing or unreadable. */
function parsePrefs(raw: string | null): CheckinPrefs {
  try {
    return raw ? readCheckinPrefs(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

/**
 * Check-in state in Redis, shared by the bot and every worker: one JSON value per user
 * (`{prefix}:checkin-state:{platform}:{id}`), one for preferences (`{prefix}:checkin-prefs:...`) and one gate key per check-in
 * (`{prefix}:checkin:{planId}:{week}`): a lock while sending, then `sent`.
 */
export class RedisCheckinStore implements CheckinStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'backend-mentor',
  ) {}

  private userKey(user: UserRef): string {
    return `${this.prefix}:checkin-state:${user.platform}:${user.id}`;
  }

  private prefsKey(user: UserRef): string {
    return `${this.prefix}:checkin-prefs:${user.platform}:${user.id}`;
  }

  private gateKey(planId: string, week: number): string {
    return `${this.prefix}:${checkinKey(planId, week)}`;
  }

  /** @inheritdoc */
  async get(user: UserRef): Promise<CheckinState | undefined> {
    return parseState(await this.redis.get(this.userKey(user)));
  }

  /** @inheritdoc */
  async set(user: UserRef, state: CheckinState): Promise<void> {
    await this.redis.set(this.userKey(user), JSON.stringify(state));
  }

  /** @inheritdoc */
  async update(
    user: UserRef,
    patch: Partial<Omit<CheckinState, 'planId'>>,
  ): Promise<CheckinState | undefined> {
    const out = (await this.redis.eval(UPDATE, 1, this.userKey(user), JSON.stringify(patch))) as
      | string
      | null;
    return out ? readCheckinState(JSON.parse(out)) : undefined;
  }

  /** @inheritdoc */
  async delete(user: UserRef): Promise<void> {
    await this.redis.del(this.userKey(user));
  }

  /** @inheritdoc */
  async prefs(user: UserRef): Promise<CheckinPrefs> {
    return parsePrefs(await this.redis.get(this.prefsKey(user)));
  }

  /**
   * @inheritdoc One MGET. On Redis Cluster both keys must share a slot: they do with the default prefix,
   * a hash tag (`{backend-mentor}`), as the plan store's scripts need anyway.
   */
  async stateAndPrefs(user: UserRef): Promise<{ state: CheckinState | undefined; prefs: CheckinPrefs }> {
    const [state, prefs] = await this.redis.mget(this.userKey(user), this.prefsKey(user));
    return { state: parseState(state ?? null), prefs: parsePrefs(prefs ?? null) };
  }

  /** @inheritdoc */
  async updatePrefs(user: UserRef, patch: CheckinPrefs): Promise<CheckinPrefs> {
    const out = (await this.redis.eval(
      UPDATE_PREFS,
      1,
      this.prefsKey(user),
      JSON.stringify(patch),
    )) as string;
    return readCheckinPrefs(JSON.parse(out));
  }

  /** @inheritdoc */
  async beginSend(planId: string, week: number, token: string, lockMs: number): Promise<CheckinGate> {
    return (await this.redis.eval(BEGIN, 1, this.gateKey(planId, week), token, lockMs)) as CheckinGate;
  }

  /** @inheritdoc */
  async finishSend(planId: string, week: number, keepMs = DELIVERED_KEEP_MS): Promise<void> {
    await this.redis.set(this.gateKey(planId, week), 'sent', 'PX', keepMs);
  }

  /** @inheritdoc */
  async abortSend(planId: string, week: number, token: string): Promise<void> {
    await this.redis.eval(ABORT, 1, this.gateKey(planId, week), token);
  }
}
