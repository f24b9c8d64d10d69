/** The typed payload of a plan job, shared by the producer and the worker. Holds no secrets. */
import { z } from 'zod';
import type { DeliveryTarget, UserRef } from './plan-service';
import type { PlanRequest } from './validate-plan-request';

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

/** The schema of one platform's delivery-target data (each platform exports its own). */
export type TargetDataSchema = z.ZodType<Record<string, unknown>>;

/** Finds the schema of a platform's target data; undefined for a platform this process does not know. */
export type TargetSchemas = (platform: string) => TargetDataSchema | undefined;

const text = z.string().min(1).max(200);
const topicIds = z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(200);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The envelope of a delivery target: the platform's name and an object the platform checks. */
const targetEnvelope = z.object({
  platform: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/),
  data: z.record(z.string(), z.unknown()),
});

/** The schema of a plan job's data (a job is data in Redis: anything may be there). */
export const planJobSchema = z.object({
  v: z.literal(1),
  requestedAt: z.string().regex(ISO_TIME),
  done: topicIds,
  user: z.object({ platform: z.enum(['discord', 'slack', 'terminal']), id: text }),
  target: targetEnvelope,
  request: z.object({
    stack: topicIds,
    weeks: z.number().int().min(1).max(52),
    hoursPerWeek: z.number().int().min(1).max(60),
    known: topicIds,
    level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    notes: z.array(z.string().max(200)).max(20).default([]),
  }),
});

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function firstProblem(error: z.ZodError, prefix: string[] = []): string {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? []).map(String)];
  return `${path.length ? path.join('.') : 'data'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Checks an untrusted delivery target: the envelope, then `data` with the schema of the platform it
 * names. A platform without a schema here is a problem (`target.platform: ...`).
 */
export function checkDeliveryTarget(target: unknown, schemas: TargetSchemas): Checked<DeliveryTarget> {
  const envelope = targetEnvelope.safeParse(target);
  if (!envelope.success) return { ok: false, problem: firstProblem(envelope.error, ['target']) };
  const schema = schemas(envelope.data.platform);
  if (!schema) return { ok: false, problem: `target.platform: no platform "${envelope.data.platform}" here` };
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, problem: firstProblem(data.error, ['target', 'data']) };
  return { ok: true, value: { platform: envelope.data.platform, data: data.data } };
}

/** Checks untrusted job data, its target's data with its platform's schema; the first problem as "path: message". */
export function checkPlanJob(
  data: unknown,
  schemas: TargetSchemas,
): { ok: true; job: PlanJobData } | { ok: false; problem: string } {
  const parsed = planJobSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problem: firstProblem(parsed.error) };
  const target = checkDeliveryTarget(parsed.data.target, schemas);
  if (!target.ok) return target;
  return { ok: true, job: { ...parsed.data, target: target.value } as PlanJobData };
}

/** The platform a job's raw data names, if any (to find its deliverer before checking it). */
export function targetPlatformOf(data: unknown): string | undefined {
  const platform = (data as { target?: { platform?: unknown } } | null | undefined)?.target?.platform;
  return typeof platform === 'string' ? platform : undefined;
}
