/**
 * The plan job processor: one pure function of the typed payload. It checks the payload and generates
 * the plan; it does no I/O, so running it twice (BullMQ is at least once) gives the same plan.
 */
import { UnrecoverableError } from 'bullmq';
import type { Curriculum } from '../core/plans/curriculum';
import { generatePlan, type PlanSource } from '../core/plans/generate-plan';
import type { StudyPlan } from '../core/plans/plan-service';
import { type PlanJobData, PlanJobSchema } from './plan-job';

/** What the processor reads besides the payload. */
export interface PlanProcessorContext {
  curriculum: Curriculum;
  source: (unitId: string) => PlanSource | undefined;
}

/**
 * Checks a job's data and builds its plan. Throws `UnrecoverableError` for a payload that no retry
 * can fix (malformed, or naming topics the curriculum does not have).
 */
export function processPlanJob(
  data: unknown,
  context: PlanProcessorContext,
): { job: PlanJobData; plan: StudyPlan } {
  const parsed = PlanJobSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnrecoverableError(
      `invalid plan job payload: ${issue?.path.join('.') || 'data'}: ${issue?.message}`,
    );
  }
  const job = parsed.data as PlanJobData;
  const unknown = [...job.request.stack, ...job.request.known].filter((t) => !context.curriculum.byId.has(t));
  if (unknown.length > 0) {
    throw new UnrecoverableError(
      `invalid plan job payload: unknown topics ${unknown.slice(0, 5).join(', ')}`,
    );
  }
  const plan = generatePlan(context.curriculum, job.request, {
    done: job.done,
    source: context.source,
    createdAt: job.requestedAt,
  });
  return { job, plan };
}
