/** The typed payload of a plan job, shared by the producer and the worker. Holds no secrets. */
import { z } from 'zod';
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

const platform = z.enum(['discord', 'slack', 'terminal']);
const id = z.string().min(1).max(200);
const topicIds = z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(200);

/** Checks untrusted job data (a job is data in Redis: anything may be there). */
export const PlanJobSchema = z.object({
  v: z.literal(1),
  user: z.object({ platform, id }),
  target: z.discriminatedUnion('platform', [
    z.object({
      platform: z.literal('discord'),
      userId: id,
      channelId: id.optional(),
      applicationId: id,
      interactionId: id.optional(),
      interactionAt: z.number().int().nonnegative().optional(),
    }),
    z.object({
      platform: z.literal('slack'),
      userId: id,
      channelId: id.optional(),
      threadTs: id.optional(),
      teamId: id.optional(),
    }),
    z.object({ platform: z.literal('terminal'), userId: id }),
  ]),
  request: z.object({
    stack: topicIds,
    weeks: z.number().int().min(1).max(52),
    hoursPerWeek: z.number().int().min(1).max(60),
    known: topicIds,
    level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    notes: z.array(z.string().max(200)).max(20).default([]),
  }),
  done: topicIds,
  requestedAt: z.iso.datetime(),
});
