import { randomUUID } from 'node:crypto';
import type { HelpEntry } from '../commands/reply';
import { BotError, describeError } from '../errors';
import type { Logger } from '../logger';
import type { Curriculum } from './curriculum';
import type { PlanSource } from './generate-plan';
import type { PlanJobData } from './plan-job';
import type { PlanJobQueue } from './plan-job-queue';
import { PLAN_HELP, planMessages } from './plan-messages';
import { matchPlanTopic, planTopics, withProgress } from './plan-progress';
import type {
  DeliveryTarget,
  MarkDoneResult,
  PlanRequestInput,
  PlanRequestResult,
  PlanService,
  StudyPlan,
  UserRef,
} from './plan-service';
import type { PlanStore } from './plan-store';
import { createTechnologyResolver, type TechnologyResolver } from './resolve-technologies';
import { invalidRequestMessage, validatePlanRequest } from './validate-plan-request';

/** What the service needs. */
export interface QueuedPlanServiceOptions {
  curriculum: () => Curriculum;
  /** Finds knowledge units (kept for callers that pass it; plans are read from the store). */
  source?: (unitId: string) => PlanSource | undefined;
  store: PlanStore;
  queue: PlanJobQueue;
  dailyCap: number;
  logger: Logger;
  /** Closed with the service (connections, in-process workers). */
  onClose?: () => Promise<void>;
  /** The request path gives up after this long (default 2500 ms, inside a platform's 3 s ack). */
  deadlineMs?: number;
  now?: () => Date;
  newJobId?: () => string;
}

class DeadlineError extends Error {}

/** One request's way into the queue: its job id and day, and how far it got. */
interface EnqueueAttempt {
  jobId: string;
  day: string;
  now: Date;
  /** A claim was sent to the store (it may land even if its answer comes too late). */
  claimSent?: boolean;
  /** The user was told the request failed: nothing more may be sent for it. */
  abandoned?: boolean;
}

/** How long a fresh in-progress claim counts as queued even before its job shows in the queue. */
const CLAIM_GRACE_MS = 30_000;

const STORE_UNAVAILABLE = 'Study plans are unavailable right now, try again shortly.';

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The {@link PlanService} adapters use, over a job queue (BullMQ, or in process) and a plan store
 * (Redis, or memory): validation, one plan in progress per user, a daily cap, progress.
 */
export class QueuedPlanService implements PlanService {
  private readonly now: () => Date;
  private readonly newJobId: () => string;
  private resolver: { curriculum: Curriculum; resolve: TechnologyResolver } | undefined;

  constructor(private readonly options: QueuedPlanServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.newJobId = options.newJobId ?? randomUUID;
  }

  private resolve(): { curriculum: Curriculum; resolve: TechnologyResolver } {
    const curriculum = this.options.curriculum();
    if (this.resolver?.curriculum !== curriculum) {
      this.resolver = { curriculum, resolve: createTechnologyResolver(curriculum) };
    }
    return this.resolver;
  }

  async request(user: UserRef, input: PlanRequestInput, target: DeliveryTarget): Promise<PlanRequestResult> {
    const { curriculum, resolve } = this.resolve();
    const checked = validatePlanRequest(input, curriculum, resolve);
    if (!checked.ok) {
      return { status: 'invalid', errors: checked.errors, message: invalidRequestMessage(checked.errors) };
    }
    const unavailable = { status: 'unavailable', message: planMessages.unavailable } as const;
    if (!this.options.queue.isAvailable()) return unavailable;
    const deadlineMs = this.options.deadlineMs ?? 2500;
    const started = Date.now();
    const now = this.now();
    const attempt: EnqueueAttempt = { jobId: this.newJobId(), day: now.toISOString().slice(0, 10), now };
    try {
      await this.options.queue.whenReady(deadlineMs);
      const left = Math.max(1, deadlineMs - (Date.now() - started));
      return await withDeadline(this.enqueue(user, checked.request, target, attempt), left);
    } catch (error) {
      this.options.logger.warn({ user: user.platform, error: describeError(error) }, 'plan request failed');
      if (attempt.claimSent) this.abandon(user, attempt);
      return unavailable;
    }
  }

  /**
   * The user is told "try again shortly": whatever of the request still lands must not become a plan
   * or count against the cap. The rest of `enqueue` stops, and the store cancels the job (queued on
   * the same connection after the request's own commands, so Redis runs it after them).
   */
  private abandon(user: UserRef, attempt: EnqueueAttempt): void {
    attempt.abandoned = true;
    this.options.store.cancel(user, attempt.jobId, attempt.day).catch((error: unknown) => {
      this.options.logger.error(
        { jobId: attempt.jobId, error: describeError(error) },
        'a plan request past its deadline could not be cancelled',
      );
    });
  }

  private async enqueue(
    user: UserRef,
    request: PlanJobData['request'],
    target: DeliveryTarget,
    state: EnqueueAttempt,
  ): Promise<PlanRequestResult> {
    const { store, queue, dailyCap } = this.options;
    const { now, day, jobId } = state;
    const stillWanted = () => {
      if (state.abandoned) throw new DeadlineError('the request was abandoned after its deadline');
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      state.claimSent = true;
      const claim = await store.claim(user, jobId, dailyCap, day, now.getTime());
      stillWanted();
      if (claim.status === 'over-cap') return { status: 'over-cap', message: planMessages.overCap(dailyCap) };
      if (claim.status === 'active') {
        // A slot claimed moments ago may belong to a request still adding its job: count it as queued.
        const justClaimed = now.getTime() - claim.since < CLAIM_GRACE_MS;
        const position = (await queue.position(claim.jobId)) ?? (justClaimed ? 1 : undefined);
        if (position !== undefined) {
          return {
            status: 'already-queued',
            jobId: claim.jobId,
            position,
            message: planMessages.alreadyQueued(position),
          };
        }
        // The job finished or vanished without freeing the slot: free it and claim again.
        await store.release(user, claim.jobId);
        stillWanted();
        continue;
      }
      const data: PlanJobData = {
        v: 1,
        user: { platform: user.platform, id: user.id },
        target,
        request,
        done: claim.done,
        requestedAt: now.toISOString(),
      };
      stillWanted();
      try {
        const position = await queue.add(jobId, data);
        return { status: 'queued', jobId, position, message: planMessages.queued(position) };
      } catch (error) {
        if (!state.abandoned) await store.unclaim(user, jobId, day).catch(() => {});
        throw error;
      }
    }
    throw new Error('the in-progress slot could not be claimed');
  }

  /** Runs a store read under the deadline; a failure becomes a BotError with a friendly message. */
  private async guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
    const deadlineMs = this.options.deadlineMs ?? 2500;
    try {
      if (!this.options.queue.isAvailable()) throw new Error('the plan store is not connected');
      await this.options.queue.whenReady(deadlineMs);
      return await withDeadline(work(), deadlineMs);
    } catch (error) {
      this.options.logger.warn({ error: describeError(error) }, `plan ${what} failed`);
      throw new BotError('plans.unavailable', STORE_UNAVAILABLE, { cause: error });
    }
  }

  /** The user's latest plan: saved by the worker before it is sent. */
  private async currentPlan(user: UserRef): Promise<StudyPlan | undefined> {
    return this.options.store.latestPlan(user);
  }

  async show(user: UserRef): Promise<StudyPlan | undefined> {
    return this.guarded('show', () => this.readShow(user));
  }

  async pendingPosition(user: UserRef): Promise<number | undefined> {
    return this.guarded('pending', () => this.readPending(user));
  }

  /** The job holding the user's slot, by its queue position; a slot claimed moments ago counts as queued. */
  private async readPending(user: UserRef): Promise<number | undefined> {
    const active = await this.options.store.activeJob(user);
    if (!active) return undefined;
    const position = await this.options.queue.position(active.jobId);
    if (position !== undefined) return position;
    return this.now().getTime() - active.since < CLAIM_GRACE_MS ? 1 : undefined;
  }

  private async readShow(user: UserRef): Promise<StudyPlan | undefined> {
    const [plan, done] = await Promise.all([this.currentPlan(user), this.options.store.doneTopics(user)]);
    return plan ? withProgress(plan, new Set(done)) : undefined;
  }

  async markDone(user: UserRef, topic: string): Promise<MarkDoneResult> {
    return this.guarded('done', () => this.writeDone(user, topic));
  }

  private async writeDone(user: UserRef, topic: string): Promise<MarkDoneResult> {
    const { store } = this.options;
    const plan = await this.currentPlan(user);
    if (!plan) return { status: 'no-plan', message: planMessages.noPlan };
    const match = matchPlanTopic(plan, topic);
    if (!match.found) {
      return {
        status: 'unknown-topic',
        message: planMessages.unknownTopic(
          topic,
          match.suggestions.map((s) => s.title),
        ),
        suggestions: match.suggestions,
      };
    }
    const fresh = await store.markDone(user, match.found.id);
    const done = new Set(await store.doneTopics(user));
    const all = planTopics(plan);
    const count = all.filter((t) => done.has(t.id)).length;
    const message = fresh
      ? planMessages.marked(match.found.title, count, all.length)
      : planMessages.alreadyMarked(match.found.title, count, all.length);
    return { status: 'done', topic: match.found, message };
  }

  async topicsOf(user: UserRef): Promise<{ id: string; title: string; done: boolean }[]> {
    return this.guarded('topics', () => this.readTopics(user));
  }

  private async readTopics(user: UserRef): Promise<{ id: string; title: string; done: boolean }[]> {
    const [plan, done] = await Promise.all([this.currentPlan(user), this.options.store.doneTopics(user)]);
    if (!plan) return [];
    const doneSet = new Set(done);
    return planTopics(plan).map((t) => ({ ...t, done: doneSet.has(t.id) }));
  }

  helpEntries(): HelpEntry[] {
    return PLAN_HELP;
  }

  async close(): Promise<void> {
    await this.options.queue.close().catch(() => {});
    await this.options.onClose?.();
  }
}
