import type { UserRef } from '../plan-service';
import {
  type CheckinGate,
  type CheckinPrefs,
  type CheckinState,
  type CheckinStore,
  checkinKey,
  DELIVERED_KEEP_MS,
} from './checkin-state';

const userKey = (user: UserRef) => `${user.platform}:${user.id}`;

/** Check-in state in this process's memory (no REDIS_URL). `now` is injectable for tests. */
export class MemoryCheckinStore implements CheckinStore {
  private readonly states = new Map<string, CheckinState>();
  private readonly gates = new Map<string, { value: string; until: number }>();
  private readonly preferences = new Map<string, CheckinPrefs>();

  constructor(private readonly now: () => number = Date.now) {}

  /** @inheritdoc */
  async get(user: UserRef): Promise<CheckinState | undefined> {
    const state = this.states.get(userKey(user));
    return state ? structuredClone(state) : undefined;
  }

  /** @inheritdoc */
  async set(user: UserRef, state: CheckinState): Promise<void> {
    this.states.set(userKey(user), structuredClone(state));
  }

  /** @inheritdoc */
  async update(
    user: UserRef,
    patch: Partial<Omit<CheckinState, 'planId'>>,
  ): Promise<CheckinState | undefined> {
    const state = this.states.get(userKey(user));
    if (!state) return undefined;
    const next = { ...state, ...structuredClone(patch) };
    this.states.set(userKey(user), next);
    return structuredClone(next);
  }

  /** @inheritdoc */
  async delete(user: UserRef): Promise<void> {
    this.states.delete(userKey(user));
  }

  /** @inheritdoc */
  async prefs(user: UserRef): Promise<CheckinPrefs> {
    return { ...this.preferences.get(userKey(user)) };
  }

  /** @inheritdoc */
  async stateAndPrefs(user: UserRef): Promise<{ state: CheckinState | undefined; prefs: CheckinPrefs }> {
    return { state: await this.get(user), prefs: await this.prefs(user) };
  }

  /** @inheritdoc */
  async updatePrefs(user: UserRef, patch: CheckinPrefs): Promise<CheckinPrefs> {
    const next = { ...this.preferences.get(userKey(user)), ...patch };
    this.preferences.set(userKey(user), next);
    return { ...next };
  }

  private gate(key: string) {
    const gate = this.gates.get(key);
    if (gate && gate.until <= this.now()) {
      this.gates.delete(key);
      return undefined;
    }
    return gate;
  }

  /** @inheritdoc */
  async beginSend(planId: string, week: number, token: string, lockMs: number): Promise<CheckinGate> {
    const key = checkinKey(planId, week);
    const gate = this.gate(key);
    if (gate) return gate.value === 'sent' ? 'sent' : 'busy';
    this.gates.set(key, { value: `lock:${token}`, until: this.now() + lockMs });
    return 'send';
  }

  /** @inheritdoc */
  async finishSend(planId: string, week: number, keepMs = DELIVERED_KEEP_MS): Promise<void> {
    this.gates.set(checkinKey(planId, week), { value: 'sent', until: this.now() + keepMs });
  }

  /** @inheritdoc */
  async abortSend(planId: string, week: number, token: string): Promise<void> {
    const key = checkinKey(planId, week);
    if (this.gate(key)?.value === `lock:${token}`) this.gates.delete(key);
  }
}
