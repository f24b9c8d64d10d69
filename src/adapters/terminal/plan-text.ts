import { parsePlanArgs } from '../../core/plans/parse-plan-args';
import type { PlanService, UserRef } from '../../core/plans/plan-service';
import type { Style } from './render-text';

/** Runs a `plan ...` command typed in the terminal and returns the text to print. */
export async function handlePlanText(
  plans: PlanService,
  user: UserRef,
  args: string,
  style: Style,
): Promise<string> {
  const command = parsePlanArgs(args);
  if (command.action === 'show') {
    const plan = await plans.show(user);
    return plan
      ? plan.markdown
      : 'You have no study plan yet. Ask for one with /plan <stack> weeks=N hours=H.';
  }
  if (command.action === 'done') {
    const result = await plans.markDone(user, command.topic);
    return result.message;
  }
  const result = await plans.request(user, command.input, { platform: 'terminal', userId: user.id });
  return result.status === 'queued' || result.status === 'already-queued'
    ? style.dim(result.message)
    : result.message;
}
