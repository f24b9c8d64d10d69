import type { PlanGlance } from '../../../core/plans/companion/plan-companion';
import type { MarkDoneResult, PlanRequestResult, StudyPlan } from '../../../core/plans/plan-service';
import { escapeText } from './escape';
import { context, packMessages, type SlackMessage, section, sections } from './message';
import { markdownToMrkdwn } from './mrkdwn';

/** Task-list checkboxes as characters Slack shows (mrkdwn has no checkboxes). */
function checkboxes(markdown: string): string {
  return markdown.replace(/^(\s*[-*+]\s+)\[([ xX])\]\s+/gm, (_, bullet: string, mark: string) =>
    mark === ' ' ? `${bullet}☐ ` : `${bullet}☑ `,
  );
}

/**
 * A study plan as Slack messages: a lead line, then the plan's Markdown (request, weeks, what did not
 * fit, how to mark progress) as sections, split over as many messages as Slack's limits need.
 */
export function renderPlan(
  plan: StudyPlan,
  lead = 'Your study plan is ready.',
  progress?: PlanGlance,
): SlackMessage[] {
  const glance = progress
    ? [
        section(`\`${escapeText(progress.bar)}\`  ${escapeText(progress.line)}`),
        ...(progress.note ? [context([markdownToMrkdwn(progress.note)])] : []),
      ]
    : [];
  return packMessages(
    [section(`*${escapeText(lead)}*`), ...glance, ...sections(markdownToMrkdwn(checkboxes(plan.markdown)))],
    [],
    lead,
  );
}

/** What asking for a plan led to, for the asker. */
export function renderPlanResult(result: PlanRequestResult): SlackMessage[] {
  if (result.status === 'invalid') {
    const lines = result.errors.map((e) => `• ${escapeText(e.message)}`);
    return packMessages(sections([`:warning: ${escapeText(result.message)}`, ...lines].join('\n')));
  }
  const icon =
    result.status === 'queued' || result.status === 'already-queued'
      ? ':hourglass_flowing_sand:'
      : ':warning:';
  return packMessages(sections(`${icon} ${escapeText(result.message)}`));
}

/** The result of `plan done <topic>`. */
export function renderMarkDone(result: MarkDoneResult): SlackMessage[] {
  // The core's message already names the closest topics ("Did you mean ..."): shown once.
  const icon = result.status === 'done' ? ':white_check_mark:' : ':warning:';
  return packMessages(sections(`${icon} ${escapeText(result.message)}`));
}
