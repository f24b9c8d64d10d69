/**
 * The study-plan companion: what the check-in commands and buttons do to a user's check-in state and
 * schedule, and what the worker does when a plan is delivered or over. The pure rules live beside it
 * (time-zones, checkin-decision, behind-rule, progress-glance, plan-calendar); this class reads and
 * writes the {@link CheckinStore} and the schedules, and never sends anything itself.
 */
import type { DeliveryTarget, PlanRequestInput, StudyPlan, UserRef } from '../plan-service';
import { BEHIND_WEEKS, behindDecision } from './behind-rule';
import type { CheckinContent } from './checkin-content';
import { type CheckinJobData, decideCheckin } from './checkin-decision';
import type { CheckinPrefs, CheckinState, CheckinStore } from './checkin-state';
import { companionMessages as say } from './companion-messages';
import { planCalendar } from './plan-calendar';
import { planProgress, progressBar, progressLine } from './progress-glance';
import {
  checkinInstant,
  checkinTimeNote,
  DEFAULT_TIME_ZONE,
  localDate,
  type PlanClock,
  safeZone,
  weekAt,
} from './time-zones';

/** What schedules check-ins (BullMQ job schedulers, or timers in memory). */
export interface CheckinSchedules {
  /** Creates or replaces the user's schedule (one per user: a new plan replaces the old one's). */
  schedule(job: CheckinJobData, clock: PlanClock): Promise<void>;
  /** Removes the user's schedule; false when there was none. */
  unschedule(user: UserRef): Promise<boolean>;
}

/** A user's latest plan and the topic ids they marked done. */
export interface CompanionPlan {
  plan: StudyPlan;
  done: string[];
}

/** What the companion reads and writes. */
export interface PlanCompanionOptions {
  store: CheckinStore;
  schedules: CheckinSchedules;
  /** The user's latest plan (the plan store). */
  loadPlan(user: UserRef): Promise<CompanionPlan | undefined>;
  now?: () => Date;
}

/** Progress at a glance, for the top of `plan show`. */
export interface PlanGlance {
  percent: number;
  /** `▓▓▓░░░░░░░ 30%`: Discord and Slack show it; the terminal shows it as text too. */
  bar: string;
  /** `3/8 topics · 14/40 h · about 4 weeks left at your pace`. */
  line: string;
  /** When check-ins go out (or that they are off or paused). */
  note: string;
}

/** The zone preferences give a new plan: the user's own, else the platform's, else UTC. */
const zoneIn = (prefs: CheckinPrefs) => safeZone(prefs.zone ?? prefs.platformZone ?? DEFAULT_TIME_ZONE);

const doneOf = (plan: StudyPlan) =>
  new Set(plan.weeks.flatMap((w) => w.topics.filter((t) => t.done).map((t) => t.id)));

/** Check-in state, schedules and the answers of the check-in commands, for one store. */
export class PlanCompanion {
  private readonly now: () => Date;

  constructor(private readonly options: PlanCompanionOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The store (the check-in processor shares it). */
  get store(): CheckinStore {
    return this.options.store;
  }

  /** The user's latest plan and done topics (the check-in processor reads it when a job fires). */
  loadPlan(user: UserRef): Promise<CompanionPlan | undefined> {
    return this.options.loadPlan(user);
  }

  /** The zone a new plan of the user's uses: the one they set, else the platform's, else UTC. */
  private async zoneOf(user: UserRef): Promise<string> {
    return zoneIn(await this.options.store.prefs(user));
  }

  private job(user: UserRef, state: CheckinState): CheckinJobData | undefined {
    if (!state.target) return undefined;
    return {
      v: 1,
      planId: state.planId,
      user: { platform: user.platform, id: user.id },
      target: state.target,
    };
  }

  /** Schedules (or unschedules) check-ins to match the state. */
  private async sync(user: UserRef, state: CheckinState | undefined): Promise<void> {
    const job = state?.enabled ? this.job(user, state) : undefined;
    if (state && job) await this.options.schedules.schedule(job, state.clock);
    else await this.options.schedules.unschedule(user);
  }

  /**
   * A plan was delivered (called by the worker after recording the delivery, and again on a retry):
   * its check-ins start today in the user's zone and replace the previous plan's. Idempotent for the
   * same plan: a retry keeps the state already written.
   */
  async planDelivered(user: UserRef, planId: string, target: DeliveryTarget): Promise<void> {
    const { store } = this.options;
    const { state: existing, prefs } = await store.stateAndPrefs(user);
    let state = existing;
    if (existing?.planId !== planId) {
      const zone = zoneIn(prefs);
      const { date, weekday } = localDate(this.now(), zone);
      state = {
        planId,
        enabled: prefs.off !== true,
        paused: false,
        clock: { startDate: date, weekday, zone },
        pushBack: 0,
        target,
      };
      await store.set(user, state);
    }
    await this.sync(user, state);
  }

  /** The plan is over (its last week passed): its schedule is removed, its state kept for `plan show`. */
  async finish(job: CheckinJobData): Promise<void> {
    const state = await this.options.store.get(job.user);
    if (!state || state.planId === job.planId) await this.options.schedules.unschedule(job.user);
  }

  /** `plan checkins on|off` (and the Stop button): for this plan and the next ones. */
  async setCheckins(user: UserRef, on: boolean): Promise<string> {
    const { store } = this.options;
    await store.updatePrefs(user, { off: !on });
    const state = await store.update(user, { enabled: on });
    await this.sync(user, state);
    if (!state) return on ? say.onNoPlan : say.offNoPlan;
    return on ? say.on(checkinTimeNote(state.clock)) : say.off;
  }

  /** `plan pause` / `plan resume`: the schedule stays; paused weeks send nothing. */
  async setPaused(user: UserRef, paused: boolean): Promise<string> {
    const state = await this.options.store.update(user, { paused });
    if (!state) return say.noPlan;
    return paused ? say.paused : say.resumed(checkinTimeNote(state.clock));
  }

  /** `plan timezone <zone>` (already validated): kept for next plans; the current one is rescheduled. */
  async setTimeZone(user: UserRef, zone: string): Promise<string> {
    const { store } = this.options;
    await store.updatePrefs(user, { zone });
    const current = await store.get(user);
    if (!current) return say.zoneSet(zone);
    const state = await store.update(user, { clock: { ...current.clock, zone } });
    await this.sync(user, state);
    return say.zoneSet(zone, state ? checkinTimeNote(state.clock) : undefined);
  }

  /** The zone the platform reports for the user (Slack's `tz`), used until they set one. */
  async rememberPlatformZone(user: UserRef, zone: string): Promise<void> {
    const prefs = await this.options.store.prefs(user);
    if (prefs.zone || prefs.platformZone === zone || safeZone(zone) !== zone) return;
    await this.options.store.updatePrefs(user, { platformZone: zone });
  }

  /** True when the user has a zone of their own (set or reported), so no lookup is needed. */
  async hasZone(user: UserRef): Promise<boolean> {
    const prefs = await this.options.store.prefs(user);
    return Boolean(prefs.zone ?? prefs.platformZone);
  }

  /** The clock of the user's plan: the state's, else one from the plan's creation in the user's zone. */
  private async clockOf(user: UserRef, plan: StudyPlan, state?: CheckinState): Promise<PlanClock> {
    if (state) return state.clock;
    const zone = await this.zoneOf(user);
    const { date, weekday } = localDate(plan.createdAt, zone);
    return { startDate: date, weekday, zone };
  }

  /** `plan calendar`: the user's plan as an .ics file, or undefined without a plan. */
  async calendar(user: UserRef): Promise<string | undefined> {
    const loaded = await this.options.loadPlan(user);
    if (!loaded) return undefined;
    const state = await this.options.store.get(user);
    return planCalendar(loaded.plan, {
      planId: state?.planId ?? `plan-${loaded.plan.createdAt}`,
      clock: await this.clockOf(user, loaded.plan, state),
      done: new Set(loaded.done),
      now: this.now(),
    });
  }

  /** The plan week the user is in now (after push-backs; 1 in the first week). */
  private weekNow(state: CheckinState): number {
    return Math.max(1, weekAt(state.clock, this.now()) - state.pushBack);
  }

  /** Progress at a glance of a plan as `plan show` returns it (topics carry `done`). */
  async glance(user: UserRef, plan: StudyPlan): Promise<PlanGlance> {
    const state = await this.options.store.get(user).catch(() => undefined);
    const elapsed = state ? this.weekNow(state) - 1 : 0;
    const progress = planProgress(plan, doneOf(plan), elapsed);
    // No state: the plan predates check-ins (or the process restarted without Redis): none are sent.
    const note = !state
      ? ''
      : !state.enabled
        ? 'Check-ins are off (`plan checkins on`).'
        : state.paused
          ? 'Check-ins are paused (`plan resume`).'
          : checkinTimeNote(state.clock);
    return {
      percent: progress.percent,
      bar: progressBar(progress.percent),
      line: progressLine(progress),
      note,
    };
  }

  /**
   * This week's check-in as the terminal shows it (at start and on `plan show`): the same decision a
   * fired job makes, at the current instant. Undefined when nothing is due (off, paused, over).
   */
  async due(user: UserRef): Promise<CheckinContent | undefined> {
    const state = await this.options.store.get(user);
    if (!state) return undefined;
    const loaded = state.enabled ? await this.options.loadPlan(user) : undefined;
    const job: CheckinJobData = {
      v: 1,
      planId: state.planId,
      user,
      target: state.target ?? { platform: 'terminal', data: { userId: user.id } },
    };
    const now = this.now();
    const firedAt = new Date(
      Math.max(now.getTime(), checkinInstant(state.clock, 1 + state.pushBack).getTime()),
    );
    const decision = decideCheckin({ job, state, plan: loaded?.plan, done: new Set(loaded?.done), firedAt });
    return decision.kind === 'send' ? decision.content : undefined;
  }

  /** True when `planId` is the plan the user's check-ins follow (a button of an old plan is not). */
  async isCurrent(user: UserRef, planId: string): Promise<boolean> {
    return (await this.options.store.get(user))?.planId === planId;
  }

  /**
   * A topic was ticked (a button or `plan done`): remembered for the "behind" rule. When it was the
   * last open topic the check-ins stop and the message says so.
   */
  async noteTick(user: UserRef): Promise<string | undefined> {
    const state = await this.options.store.update(user, { lastTickAt: this.now().getTime() });
    if (!state) return undefined;
    const loaded = await this.options.loadPlan(user);
    if (!loaded) return undefined;
    const progress = planProgress(loaded.plan, new Set(loaded.done));
    if (progress.topicsDone < progress.topicsPlanned) return undefined;
    await this.options.schedules.unschedule(user);
    return say.allDone;
  }

  /** The Push back button: the plan's remaining weeks move one week later. */
  async pushBack(user: UserRef, planId: string): Promise<string> {
    const current = await this.options.store.get(user);
    if (current?.planId !== planId) return say.olderPlan;
    const state = await this.options.store.update(user, { pushBack: current.pushBack + 1 });
    const next = state ?? current;
    // The next plan week now falls one calendar week later than it did.
    const week = this.weekNow(next) + 1;
    const date = localDate(checkinInstant(next.clock, week + next.pushBack), next.clock.zone).date;
    return say.pushedBack(week, date);
  }

  /**
   * The Lighter plan button: the request for the same open topics at the hours a week the user
   * actually has (done topics are kept by the plan service). A message instead when there is nothing
   * to re-plan.
   */
  async lighterRequest(user: UserRef, planId: string): Promise<PlanRequestInput | string> {
    const state = await this.options.store.get(user);
    if (state?.planId !== planId) return say.olderPlan;
    const loaded = await this.options.loadPlan(user);
    if (!loaded) return say.noPlan;
    const decision = behindDecision({
      plan: loaded.plan,
      done: new Set(loaded.done),
      state: { ...state, lastTickAt: undefined, replanOfferedAt: undefined },
      week: Math.max(BEHIND_WEEKS + 1, this.weekNow(state)),
    });
    if (!decision.behind) return say.replanNotNeeded;
    const { request } = decision;
    return {
      stack: request.stack.join(' '),
      weeks: request.weeks,
      hoursPerWeek: request.hoursPerWeek,
      known: request.known,
      ...(request.level ? { level: request.level } : {}),
    };
  }
}
