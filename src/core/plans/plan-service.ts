/**
 * The contract between platform adapters and the study-plan machinery (generator, BullMQ queue,
 * worker, delivery). Adapters call a {@link PlanService}; the worker calls the {@link PlanDeliverer}
 * registered for the platform a request came from. Everything here is plain, serialisable data.
 */
import type { HelpEntry } from '../commands/reply';
import type { CheckinContent } from './companion/checkin-content';

/** A platform and the user's id on it. */
export interface UserRef {
  platform: 'discord' | 'slack' | 'terminal';
  id: string;
}

/**
 * Where to deliver a plan: a platform's name and that platform's own data (a user id, a channel, a
 * thread...). The core never looks inside `data`: each platform folder exports the schema of its data
 * (`deliveryTargetSchema` on its `Platform`), and the job check validates `data` with the schema of the
 * platform it names. Serialised into job data: never put a secret here.
 */
export interface DeliveryTarget<Data extends object = Record<string, unknown>> {
  platform: string;
  data: Data;
}

/** A study-plan request as a user typed it; the core validates and normalises it. */
export interface PlanRequestInput {
  /** Free text: "python django postgres docker", "I want to do Java with Spring". */
  stack?: string;
  weeks?: number | string;
  hoursPerWeek?: number | string;
  /** Skills already known (skipped): a comma-separated string or a list. */
  known?: string | string[];
  level?: string;
}

/** A field-by-field validation problem, e.g. `{ field: 'weeks', message: 'weeks must be a whole number from 1 to 52' }`. */
export interface PlanFieldError {
  field: 'stack' | 'weeks' | 'hoursPerWeek' | 'known' | 'level';
  message: string;
}

/**
 * What asking for a plan led to. Every variant carries a message fit to show the user. `position` is
 * the job's place in the queue: 1 = next, 0 = being built now.
 */
export type PlanRequestResult =
  | { status: 'queued'; jobId: string; position: number; message: string }
  | { status: 'already-queued'; jobId: string; position: number; message: string }
  | { status: 'invalid'; errors: PlanFieldError[]; message: string }
  | { status: 'over-cap'; message: string }
  | { status: 'unavailable'; message: string };

/** One topic of a generated plan. */
export interface PlanTopic {
  id: string;
  title: string;
  hours: number;
  /** The knowledge unit the topic cites. */
  source: { id: string; title: string; path: string[] } | null;
  done?: boolean;
  /** Curriculum category ("language", "database", ..., "capstone"). */
  category?: string;
  /** Set when a topic spans several weeks: this is part `index` of `of`. */
  part?: { index: number; of: number };
  /** What the learner can do afterwards (on the topic's first part only). */
  outcomes?: string[];
  /** A practice task and its "done when" check (on the topic's first part only). */
  practice?: { task: string; doneWhen: string };
  /** One free resource to learn the topic from (on the topic's first part only). */
  resource?: { title: string; url: string };
  /** For a topic that spans several weeks: the outcomes this part works on. */
  covers?: string[];
}

/** One week of a plan. */
export interface PlanWeek {
  week: number;
  hours: number;
  topics: PlanTopic[];
}

/** A generated study plan. */
export interface StudyPlan {
  request: {
    stack: string[];
    weeks: number;
    hoursPerWeek: number;
    known: string[];
    level?: string;
  };
  weeks: PlanWeek[];
  /** Topics that did not fit, and how many more weeks they would take. */
  unscheduled: { id: string; title: string; hours: number }[];
  extraWeeksNeeded: number;
  /** The plan as Markdown with checkboxes. */
  markdown: string;
  createdAt: string;
  /** Topics marked done before this plan was made: kept, not scheduled again. */
  completed?: { id: string; title: string }[];
  /** Optional topics that did not fit, to continue with afterwards (at most five). */
  nextUp?: { id: string; title: string; hours: number }[];
  /** Hours scheduled, capstone included. */
  totalHours?: number;
  /** How free text was read, e.g. `read "pyhton" as Python`. */
  notes?: string[];
}

/** The result of `plan done <topic>`. */
export type MarkDoneResult =
  | { status: 'done'; topic: { id: string; title: string }; message: string }
  | { status: 'no-plan' | 'unknown-topic'; message: string; suggestions?: { id: string; title: string }[] };

/** What adapters use. Implementations: BullMQ on Redis, or in-process when no REDIS_URL is set. */
export interface PlanService {
  /** Validates and queues a plan request; returns at once (well inside a 3-second ack). */
  request(user: UserRef, input: PlanRequestInput, target: DeliveryTarget): Promise<PlanRequestResult>;
  /** The user's latest plan with progress, or undefined. */
  show(user: UserRef): Promise<StudyPlan | undefined>;
  /**
   * Where the user's requested plan is while it is still on its way: its queue position (0 while it
   * is being built), or undefined when no plan of theirs is queued or being built.
   */
  pendingPosition(user: UserRef): Promise<number | undefined>;
  /** Marks a topic of the user's plan done (by id or title, forgiving case and small typos). */
  markDone(user: UserRef, topic: string): Promise<MarkDoneResult>;
  /** Topics of the user's latest plan, for autocomplete. */
  topicsOf(user: UserRef): Promise<{ id: string; title: string; done: boolean }[]>;
  /** Help lines for the plan commands. */
  helpEntries(): HelpEntry[];
  close(): Promise<void>;
}

/** How a delivery is made. */
export interface DeliverOptions {
  /** True when this job may have been (partly) sent before: look before sending again. */
  resend?: boolean;
}

/** Sends a finished plan to a user on one platform. Implemented by each adapter; called by the worker. */
export interface PlanDeliverer {
  readonly platform: string;
  /**
   * Delivers; throws on failure (the job is then retried). With `resend` (a retry, or a job taken over
   * from a crashed worker) part of the plan may already have reached the user: the deliverer uses its
   * platform's own mechanism (Discord nonces, Slack message metadata) so nothing is shown twice.
   */
  deliver(target: DeliveryTarget, plan: StudyPlan, jobId: string, options?: DeliverOptions): Promise<void>;
  /**
   * Optional: tells the user a plan could not be made after every retry (best effort, called at most
   * once per job and never for a job already delivered).
   */
  deliverFailure?(target: DeliveryTarget, message: string, jobId: string): Promise<void>;
  /**
   * Optional: sends a weekly check-in (its text and buttons) where the plan was delivered. `key`
   * (`checkin:{planId}:{week}`) names this check-in so a repeated call can be made idempotent; throws
   * on failure (the job is retried).
   */
  deliverCheckin?(target: DeliveryTarget, content: CheckinContent, key: string): Promise<void>;
}
