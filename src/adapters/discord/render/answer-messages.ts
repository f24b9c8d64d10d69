import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import type { Answer } from '../../../core/answers/compose-answer';
import { answerWithLearning } from '../../../core/answers/learn-text';
import { pagingText } from '../../../core/conversation/paging';
import { feedbackButtonId, planButtonId, topicButtonId } from '../interactions/custom-ids';
import { moreButtonId } from '../interactions/paging-ids';
import { DESCRIPTION_CHUNK, LIMITS, packEmbeds, truncate } from './limits';
import { COLORS, type OutgoingMessage } from './outgoing';
import { splitMarkdown } from './split-markdown';

const MAX_RELATED_BUTTONS = 3;
/** An answer is never more than this many messages (the rest is behind "More"). */
const MAX_ANSWER_MESSAGES = 3;

/** One button with a custom id (labels cut to Discord's limit). */
export function button(
  customId: string,
  label: string,
  style: APIButtonComponentWithCustomId['style'],
  emoji?: string,
) {
  const component: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style,
    custom_id: customId,
    label: truncate(label, LIMITS.buttonLabel),
  };
  if (emoji) component.emoji = { name: emoji };
  return component;
}

/** Up to 3 related-topic buttons; More when the answer was cut; helpful / not helpful when it has an id. */
export function answerComponents(
  answer: Answer,
  answerId?: string,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  const related = answer.related
    .slice(0, MAX_RELATED_BUTTONS)
    .map((topic) => button(topicButtonId(topic.key), topic.title, ButtonStyle.Secondary));
  if (related.length > 0) rows.push({ type: ComponentType.ActionRow, components: related });
  const own = answer.more
    ? [button(moreButtonId(answer.sources[0]?.key), pagingText.moreLabel, ButtonStyle.Primary)]
    : [];
  if (answer.learn)
    own.push(button(planButtonId(answer.learn.topicId), 'Plan this', ButtonStyle.Primary, '🗓️'));
  if (answerId) {
    own.push(
      button(feedbackButtonId(answerId, true), 'Helpful', ButtonStyle.Success, '👍'),
      button(feedbackButtonId(answerId, false), 'Not helpful', ButtonStyle.Secondary, '👎'),
    );
  }
  if (own.length > 0) rows.push({ type: ComponentType.ActionRow, components: own });
  return rows;
}

/** Lines of text joined until the next one would pass `max` (a field value). */
function fitLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) return out || truncate(line, max);
    out = next;
  }
  return out;
}

/**
 * An answer as Discord messages: embeds holding the answer (split cleanly when long), its sources
 * and any spelling corrections; related-topic and feedback buttons on the last message. Every message
 * is within Discord's limits.
 */
export function renderAnswer(answer: Answer, answerId?: string): OutgoingMessage[] {
  const title = answer.matched ? (answer.sources[0]?.title ?? 'Answer') : "That's not in my knowledge";
  // A chat shows the lead (about 1,500 characters of the answer); "More" shows the rest.
  // One chunk fills a message (6,000 characters at most): at most MAX_ANSWER_MESSAGES of them.
  const text = answerWithLearning(answer.lead ?? answer.markdown, answer.learn);
  const chunks = splitMarkdown(text, DESCRIPTION_CHUNK).slice(0, MAX_ANSWER_MESSAGES);
  const embeds: APIEmbed[] = chunks.map((description) => ({
    description,
    color: answer.matched ? COLORS.answer : COLORS.unknown,
  }));
  if (embeds.length === 0) embeds.push({ description: '…', color: COLORS.unknown });
  embeds[0]!.title = truncate(title, LIMITS.embedTitle);
  const last = embeds.at(-1)!;
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (answer.sources.length > 0) {
    const lines = answer.sources.map((s) => s.path.join(' › '));
    fields.push({
      name: answer.sources.length > 1 ? 'Sources' : 'Source',
      value: fitLines(lines, LIMITS.fieldValue),
    });
  }
  if (answer.corrections.length > 0) {
    const lines = answer.corrections.map(
      (c) => `"${escapeMarkdown(truncate(c.from, 60))}" as "${escapeMarkdown(c.to)}"`,
    );
    fields.push({ name: 'I read', value: fitLines(lines, 400) });
  }
  if (fields.length > 0) last.fields = fields;
  last.footer = {
    text: answer.matched
      ? 'backend-mentor · answers come from its Markdown knowledge'
      : 'backend-mentor · /topics lists what I know',
  };
  if (embeds.length > 1) {
    for (const [i, embed] of embeds.entries()) embed.author = { name: `Part ${i + 1} of ${embeds.length}` };
  }
  const messages: OutgoingMessage[] = packEmbeds(embeds).map((group) => ({ embeds: group }));
  const components = answerComponents(answer, answerId);
  if (components.length > 0) messages.at(-1)!.components = components;
  return messages;
}
