import { parsePlanArgs } from '../../core/plans/parse-plan-args';
import type { DeliveryTarget, PlanService } from '../../core/plans/plan-service';
import { slackUser } from './deps';
import type { SlackMessage } from './render/message';
import { renderMarkDone, renderPlan, renderPlanResult } from './render/plan-message';
import { renderNotice } from './render/reply-message';

/** What a `plan ...` command led to: messages for the asker, public ones, or "open the form". */
export type PlanOutcome =
  | { kind: 'private'; messages: SlackMessage[] }
  | { kind: 'public'; messages: SlackMessage[] }
  | { kind: 'form' };

/** Where a plan command was typed. */
export interface PlanCommandContext {
  userId: string;
  teamId?: string;
  /** The conversation to deliver into (a DM, or a channel thread); none: a DM is opened. */
  channelId?: string;
  threadTs?: string;
  /** How commands are typed here (`/mentor ` or `@mentor `). */
  prefix: string;
  /**
   * Which outcomes everyone in the conversation may see: `all` in a DM, `accepted` (the "queued"
   * notice) in a channel thread, `none` for the slash command.
   */
  shown: 'all' | 'accepted' | 'none';
}

export const PLANS_UNAVAILABLE = 'Study plans are not available here.';

/**
 * Runs `plan show`, `plan done <topic>` or `plan <stack> weeks=N hours=H known=a,b` against the plan
 * service. `plan` alone asks for the form. Never throws for user input (the service validates).
 */
export async function runPlanCommand(
  plans: PlanService | undefined,
  args: string,
  where: PlanCommandContext,
): Promise<PlanOutcome> {
  const shown = (messages: SlackMessage[], accepted = false): PlanOutcome => ({
    kind: where.shown === 'all' || (accepted && where.shown === 'accepted') ? 'public' : 'private',
    messages,
  });
  if (!plans) return shown(renderNotice(PLANS_UNAVAILABLE));
  const user = slackUser(where.userId);
  const command = parsePlanArgs(args);
  if (command.action === 'show') {
    const plan = await plans.show(user);
    if (plan) return shown(renderPlan(plan, 'Your study plan'));
    return shown(renderNotice(`You have no study plan yet. Ask for one with ${where.prefix}plan.`));
  }
  if (command.action === 'done') {
    if (command.topic.trim() === '') {
      return shown(renderNotice(`Tell me which topic: ${where.prefix}plan done <topic>`));
    }
    return shown(renderMarkDone(await plans.markDone(user, command.topic)));
  }
  if (command.empty) return { kind: 'form' };
  const target: DeliveryTarget = {
    platform: 'slack',
    userId: where.userId,
    ...(where.channelId ? { channelId: where.channelId } : {}),
    ...(where.threadTs ? { threadTs: where.threadTs } : {}),
    ...(where.teamId ? { teamId: where.teamId } : {}),
  };
  const result = await plans.request(user, command.input, target);
  return shown(renderPlanResult(result), result.status === 'queued' || result.status === 'already-queued');
}

/** The hint for `plan` alone where no form can be opened (a mention or a DM). */
export function planFormHint(prefix: string): SlackMessage[] {
  return renderNotice(
    `Tell me your stack, for example: ${prefix}plan python django postgres weeks=8 hours=10 known=git,sql (or use /mentor plan for a form).`,
  );
}
