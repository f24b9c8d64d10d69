/**
 * The plan job processor: one pure function of the typed payload. It checks the payload and generates
 * the plan; it does no I/O, so running it twice (BullMQ is at least once) gives the same plan.
 */
import type { Curriculum } from './curriculum';
import { generatePlan, type PlanSource } from './generate-plan';
import { UnrecoverableJobError } from './job-errors';
import { checkPlanJob, type PlanJobData, type TargetSchemas } from './plan-job';
import type { StudyPlan } from './plan-service';

/** What the processor reads besides the payload. */
export interface PlanProcessorContext {
  curriculum: Curriculum;
  source: (unitId: string) => PlanSource | undefined;
  /** The schema of each platform's delivery-target data. */
  targetSchemas: TargetSchemas;
}

/**
 * Checks a job's data and builds its plan. Throws {@link UnrecoverableJobError} for a payload that no retry
 * can fix (malformed, or naming topics the curriculum does not have).
 */
export function processPlanJob(
  data: unknown,
  context: PlanProcessorContext,
): { job: PlanJobData; plan: StudyPlan } {
  const checked = checkPlanJob(data, context.targetSchemas);
  if (!checked.ok) throw new UnrecoverableJobError(`invalid plan job payload: ${checked.problem}`);
  const { job } = checked;
  const unknown = [...job.request.stack, ...job.request.known].filter((t) => !context.curriculum.byId.has(t));
  if (unknown.length > 0) {
    throw new UnrecoverableJobError(
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
