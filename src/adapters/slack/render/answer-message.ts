import type { Answer } from '../../../core/answers/compose-answer';
import { answerWithLearning } from '../../../core/answers/learn-text';
import { pagingText } from '../../../core/conversation/paging';
import { ACTIONS, type ShareRef } from '../action-ids';
import { PAGING_ACTIONS } from '../paging-ids';
import { escapeText } from './escape';
import { LIMITS } from './limits';
import { type Block, button, context, packMessages, type SlackMessage, sections } from './message';
import { markdownToMrkdwn } from './mrkdwn';

/** How to render one answer. */
export interface AnswerRenderOptions {
  /** The id feedback buttons refer to; no feedback buttons without it. */
  answerId?: string;
  /** Adds a "Share in channel" button that renders this answer again for everyone. */
  share?: ShareRef;
  /** The Slack user who shared the answer in the channel. */
  sharedBy?: string;
}

/** The context lines under an answer: where it came from and how the question was read. */
function notes(answer: Answer, sharedBy?: string): string[] {
  const lines = answer.sources.map((s) => `:book: ${escapeText(s.path.join(' › '))}`);
  if (answer.corrections.length > 0) {
    const read = answer.corrections.map((c) => `"${escapeText(c.from)}" as "${escapeText(c.to)}"`);
    lines.push(`I read ${read.join(', ')}.`);
  }
  if (sharedBy) lines.push(`Shared by <@${sharedBy}>`);
  return lines;
}

/** Sections of an answer (3,000 characters each): with the tail they fit in at most 3 messages. */
const MAX_ANSWER_SECTIONS = 4;

function buttons(answer: Answer, options: AnswerRenderOptions): Block[] {
  const blocks: Block[] = [];
  const related = answer.related.slice(0, 3);
  if (related.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: 'mentor_related',
      elements: related.map((topic, i) => button(`${ACTIONS.topicPrefix}${i}`, topic.title, topic.key)),
    });
  }
  const own = [];
  if (answer.more) own.push(button(PAGING_ACTIONS.more, pagingText.moreLabel, answer.sources[0]?.key ?? ''));
  if (answer.learn) own.push(button(ACTIONS.planTopic, 'Plan this', answer.learn.topicId, 'primary'));
  if (options.answerId) {
    own.push(button(ACTIONS.feedbackUp, ':thumbsup: Helpful', options.answerId));
    own.push(button(ACTIONS.feedbackDown, ':thumbsdown: Not helpful', options.answerId));
  }
  const shareValue = options.share ? JSON.stringify(options.share) : '';
  if (shareValue && shareValue.length <= LIMITS.buttonValue) {
    own.push(button(ACTIONS.share, 'Share in channel', shareValue, answer.learn ? undefined : 'primary'));
  }
  if (own.length > 0) blocks.push({ type: 'actions', block_id: 'mentor_answer', elements: own });
  return blocks;
}

/**
 * An answer as Slack messages: its lead (about 1,500 characters; "More" shows the rest) in sections,
 * its sources in a context block, buttons for More, up to 3 related topics, helpful / not helpful,
 * and optionally "Share in channel". One message, never more than 3.
 */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage[] {
  const text = markdownToMrkdwn(answerWithLearning(answer.lead ?? answer.markdown, answer.learn));
  const content = sections(text.trim() === '' ? `*${escapeText(answer.question)}*` : text);
  const lines = notes(answer, options.sharedBy);
  if (!answer.matched && answer.related.length > 0) lines.push('Pick one of the topics below.');
  const tail = [...(lines.length > 0 ? [context(lines)] : []), ...buttons(answer, options)];
  return packMessages(content.slice(0, MAX_ANSWER_SECTIONS), tail);
}
