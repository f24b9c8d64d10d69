/** The typed payload of a plan job, shared by the producer and the worker. Holds no secrets. */
import type { DeliveryTarget, UserRef } from '../core/plans/plan-service';
import type { PlanRequest } from '../core/plans/validate-plan-request';

/** What a plan job carries. */
export interface PlanJobData {
  v: 1;
  user: UserRef;
  target: DeliveryTarget;
  /** The validated request (topic ids, not the user's words). */
  request: PlanRequest;
  /** Topics the user had marked done when asking: kept, not scheduled again. */
  done: string[];
  /** When the user asked (ISO); also the plan's `createdAt`, so a retried job builds the same plan. */
  requestedAt: string;
}

type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text: Check = (v) =>
  typeof v === 'string' && v.length >= 1 && v.length <= 200 ? undefined : 'a string of 1-200 characters';
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? undefined : check(v);
const wholeNumber =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : `a whole number from ${min} to ${max}`;
const TOPIC_ID = /^[a-z0-9-]{1,60}$/;
const topicIds: Check = (v) =>
  Array.isArray(v) && v.length <= 200 && v.every((t) => typeof t === 'string' && TOPIC_ID.test(t))
    ? undefined
    : 'a list of topic ids';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Checks the fields of `value` against `shape`; the first problem as "path: expected", or undefined. */
function checkShape(value: unknown, shape: Record<string, Check>, path: string): string | undefined {
  if (!isObject(value)) return `${path || 'data'}: expected an object`;
  for (const [key, check] of Object.entries(shape)) {
    const problem = check(value[key]);
    if (problem) return `${path ? `${path}.` : ''}${key}: expected ${problem}`;
  }
  return undefined;
}

const TARGETS: Record<string, Record<string, Check>> = {
  discord: {
    userId: text,
    channelId: optional(text),
    applicationId: text,
    interactionId: optional(text),
    interactionAt: optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)),
  },
  slack: { userId: text, channelId: optional(text), threadTs: optional(text), teamId: optional(text) },
  terminal: { userId: text },
};

const JOB_SHAPE: Record<string, Check> = {
  v: (v) => (v === 1 ? undefined : 'version 1'),
  requestedAt: (v) => (typeof v === 'string' && ISO_TIME.test(v) ? undefined : 'an ISO time'),
  done: topicIds,
};
const USER_SHAPE: Record<string, Check> = {
  platform: (v) =>
    typeof v === 'string' && Object.hasOwn(TARGETS, v) ? undefined : 'discord, slack or terminal',
  id: text,
};
const REQUEST_SHAPE: Record<string, Check> = {
  stack: topicIds,
  weeks: wholeNumber(1, 52),
  hoursPerWeek: wholeNumber(1, 60),
  known: topicIds,
  level: optional((v) =>
    v === 'beginner' || v === 'intermediate' || v === 'advanced' ? undefined : 'a level',
  ),
  notes: optional((v) =>
    Array.isArray(v) && v.length <= 20 && v.every((n) => typeof n === 'string' && n.length <= 200)
      ? undefined
      : 'a list of notes',
  ),
};

/**
 * Checks untrusted job data (a job is data in Redis: anything may be there). Hand-written rather than
 * a schema library: it runs for every job, on the worker's hot path.
 */
export function checkPlanJob(data: unknown): { ok: true; job: PlanJobData } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const top = checkShape(data, JOB_SHAPE, '');
  if (top) return fail(top);
  const { user, target, request } = data as Record<string, unknown>;
  const userProblem = checkShape(user, USER_SHAPE, 'user');
  if (userProblem) return fail(userProblem);
  const targetShape =
    isObject(target) && typeof target.platform === 'string' && Object.hasOwn(TARGETS, target.platform)
      ? TARGETS[target.platform]
      : undefined;
  if (!targetShape) return fail('target.platform: expected discord, slack or terminal');
  const targetProblem = checkShape(target, targetShape, 'target');
  if (targetProblem) return fail(targetProblem);
  const requestProblem = checkShape(request, REQUEST_SHAPE, 'request');
  if (requestProblem) return fail(requestProblem);
  const job = data as PlanJobData;
  return { ok: true, job: job.request.notes ? job : { ...job, request: { ...job.request, notes: [] } } };
}
