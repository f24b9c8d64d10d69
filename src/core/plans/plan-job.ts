import { z } from 'zod';
/** The typed payload of a plan job, shared by the producer and the worker. Holds no secrets. */
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

const text = z.string().min(1).max(200);
const topicIds = z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(200);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The delivery targets a job may carry, one schema per platform. */
const targetSchema = z.discriminatedUnion('platform', [
  z.object({
    platform: z.literal('discord'),
    userId: text,
    channelId: text.optional(),
    applicationId: text,
    interactionId: text.optional(),
    interactionAt: z.number().int().min(0).optional(),
  }),
  z.object({
    platform: z.literal('slack'),
    userId: text,
    channelId: text.optional(),
    threadTs: text.optional(),
    teamId: text.optional(),
  }),
  z.object({ platform: z.literal('terminal'), userId: text }),
]);

/** The schema of a plan job's data (a job is data in Redis: anything may be there). */
export const planJobSchema = z.object({
  v: z.literal(1),
  requestedAt: z.string().regex(ISO_TIME),
  done: topicIds,
  user: z.object({ platform: z.enum(['discord', 'slack', 'terminal']), id: text }),
  target: targetSchema,
  request: z.object({
    stack: topicIds,
    weeks: z.number().int().min(1).max(52),
    hoursPerWeek: z.number().int().min(1).max(60),
    known: topicIds,
    level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    notes: z.array(z.string().max(200)).max(20).default([]),
  }),
});

/** Checks untrusted job data; the first problem as "path: message". */
export function checkPlanJob(data: unknown): { ok: true; job: PlanJobData } | { ok: false; problem: string } {
  const parsed = planJobSchema.safeParse(data);
  if (parsed.success) return { ok: true, job: parsed.data as PlanJobData };
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : 'data';
  return { ok: false, problem: `${path}: ${issue?.message ?? 'invalid'}` };
}
