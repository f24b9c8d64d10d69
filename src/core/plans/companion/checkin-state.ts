/**
 * Per-user check-in state and the once-per-week send gate (the contract; memory and Redis stores
 * implement it). Plain, serialisable data.
 */
import type { DeliveryTarget, UserRef } from '../plan-service';
import type { PlanClock } from './time-zones';

/** A user's check-in settings and the facts the check-in rules read. */
export interface CheckinState {
  /** The plan the check-ins follow (its job id). */
  planId: string;
  /** `plan checkins off` sets false: nothing is sent, even for a job already due. */
  enabled: boolean;
  /** `plan pause`: no check-ins until resumed (the schedule stays). */
  paused: boolean;
  /** When the plan's weeks fall, in the user's zone. */
  clock: PlanClock;
  /** Epoch ms of the last topic ticked done (any way: command or button). */
  lastTickAt?: number;
  /** Weeks the plan was pushed back: week N of the plan falls on calendar week N + pushBack. */
  pushBack: number;
  /** Epoch ms of the last re-plan offer (offered at most once per two weeks). */
  replanOfferedAt?: number;
  /** Where the plan was delivered: where check-ins go (kept to schedule them again). */
  target?: DeliveryTarget;
}

/** What a user chose, kept across plans (a new plan starts from these). */
export interface CheckinPrefs {
  /** The zone the user set with `plan timezone`. */
  zone?: string;
  /** The zone the platform reports for the user (Slack's `tz`), used when `zone` is not set. */
  platformZone?: string;
  /** `plan checkins off`: new plans start with check-ins off too. */
  off?: boolean;
}

/** Whether a worker may send week `week`'s check-in now. */
export type CheckinGate = 'send' | 'sent' | 'busy';

/** Where check-in state lives. */
export interface CheckinStore {
  get(user: UserRef): Promise<CheckinState | undefined>;
  /** Replaces the user's state (a new plan starts fresh). */
  set(user: UserRef, state: CheckinState): Promise<void>;
  /** Merges `patch` into the existing state; undefined when the user has none. */
  update(user: UserRef, patch: Partial<Omit<CheckinState, 'planId'>>): Promise<CheckinState | undefined>;
  /** Forgets the user's state (plan finished or replaced by nothing). */
  delete(user: UserRef): Promise<void>;
  /** The user's preferences ({} when none). */
  prefs(user: UserRef): Promise<CheckinPrefs>;
  /** {@link get} and {@link prefs} in one read (a delivered plan needs both: one Redis round trip). */
  stateAndPrefs(user: UserRef): Promise<{ state: CheckinState | undefined; prefs: CheckinPrefs }>;
  /** Merges `patch` into the user's preferences (created when missing); the result. */
  updatePrefs(user: UserRef, patch: CheckinPrefs): Promise<CheckinPrefs>;
  /**
   * Before sending a check-in: `sent` when it went out before, `busy` while another worker holds its
   * lock, else takes the lock (`SET NX` on `checkin:{planId}:{week}`) for `lockMs` under `token`.
   */
  beginSend(planId: string, week: number, token: string, lockMs: number): Promise<CheckinGate>;
  /** After sending: marks the check-in delivered (kept `keepMs`), whoever holds the lock. */
  finishSend(planId: string, week: number, keepMs?: number): Promise<void>;
  /** After a failed send: drops the lock if `token` still holds it, so a retry may send. */
  abortSend(planId: string, week: number, token: string): Promise<void>;
}

/** How long a delivered marker is kept: past the longest plan (52 weeks) plus push-backs. */
export const DELIVERED_KEEP_MS = 400 * 24 * 3600 * 1000;

/** The key of one check-in's send gate (inside the store's prefix). */
export function checkinKey(planId: string, week: number): string {
  return `checkin:{${planId}}:${week}`;
}

/** Checks state read back from storage; undefined when it is not a {@link CheckinState}. */
export function readCheckinState(value: unknown): CheckinState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  const clock = s.clock as Record<string, unknown> | undefined;
  const ok =
    typeof s.planId === 'string' &&
    typeof s.enabled === 'boolean' &&
    typeof s.paused === 'boolean' &&
    Number.isInteger(s.pushBack) &&
    typeof clock === 'object' &&
    clock !== null &&
    typeof clock.startDate === 'string' &&
    typeof clock.zone === 'string' &&
    Number.isInteger(clock.weekday) &&
    (s.lastTickAt === undefined || typeof s.lastTickAt === 'number') &&
    (s.replanOfferedAt === undefined || typeof s.replanOfferedAt === 'number') &&
    (s.target === undefined || (typeof s.target === 'object' && s.target !== null));
  return ok ? (value as CheckinState) : undefined;
}

/** Checks preferences read back from storage: only well-typed fields are kept. */
export function readCheckinPrefs(value: unknown): CheckinPrefs {
  if (typeof value !== 'object' || value === null) return {};
  const p = value as Record<string, unknown>;
  return {
    ...(typeof p.zone === 'string' ? { zone: p.zone } : {}),
    ...(typeof p.platformZone === 'string' ? { platformZone: p.platformZone } : {}),
    ...(typeof p.off === 'boolean' ? { off: p.off } : {}),
  };
}
