import type { APIEmbed } from 'discord.js';
import type { StudyPlan } from '../../../core/plans/plan-service';
import { defuseMentions } from './info-messages';
import { DESCRIPTION_CHUNK, LIMITS, packEmbeds, truncate } from './limits';
import { COLORS, type OutgoingMessage } from './outgoing';
import { splitMarkdown } from './split-markdown';

/** The name of the Markdown file attached to every delivered plan. */
export const PLAN_FILE_NAME = 'study-plan.md';

/** Summary fields stay short so the first embed (summary + a full description chunk) fits in 6000. */
const SUMMARY_FIELD = 300;

function summary(plan: StudyPlan): NonNullable<APIEmbed['fields']> {
  const { request } = plan;
  const fields = [
    {
      name: 'Stack',
      value: truncate(defuseMentions(request.stack.join(', ') || 'general backend'), SUMMARY_FIELD),
    },
    { name: 'Pace', value: `${request.weeks} weeks × ${request.hoursPerWeek} h/week`, inline: true },
  ];
  if (request.known.length > 0) {
    fields.push({
      name: 'Skipped (known)',
      value: truncate(defuseMentions(request.known.join(', ')), SUMMARY_FIELD),
    });
  }
  if (plan.notes?.length) {
    fields.push({ name: 'I read', value: truncate(defuseMentions(plan.notes.join('\n')), SUMMARY_FIELD) });
  }
  if (plan.unscheduled.length > 0) {
    fields.push({
      name: 'Did not fit',
      value: truncate(
        `${plan.unscheduled.length} topics (about ${plan.extraWeeksNeeded} more weeks): ${plan.unscheduled.map((t) => t.title).join(', ')}`,
        SUMMARY_FIELD,
      ),
    });
  }
  return fields;
}

/**
 * A study plan as Discord messages: a summary, the plan's Markdown split cleanly over as many embeds
 * and messages as it needs, and (with `attach`) the whole plan as a Markdown file on the first message.
 */
export function renderPlan(
  plan: StudyPlan,
  options: { title?: string; attach?: boolean } = {},
): OutgoingMessage[] {
  const chunks = splitMarkdown(defuseMentions(plan.markdown), DESCRIPTION_CHUNK);
  const embeds: APIEmbed[] = chunks.map((description) => ({ description, color: COLORS.plan }));
  if (embeds.length === 0) embeds.push({ description: 'This plan has no topics.', color: COLORS.plan });
  embeds[0]!.title = truncate(options.title ?? 'Your study plan', LIMITS.embedTitle);
  embeds[0]!.fields = summary(plan);
  if (embeds.length > 1) {
    for (const [i, e] of embeds.entries()) e.footer = { text: `Part ${i + 1} of ${embeds.length}` };
  }
  const messages: OutgoingMessage[] = packEmbeds(embeds).map((group) => ({ embeds: group }));
  if (options.attach)
    messages[0]!.files = [{ name: PLAN_FILE_NAME, data: Buffer.from(plan.markdown, 'utf8') }];
  return messages;
}
