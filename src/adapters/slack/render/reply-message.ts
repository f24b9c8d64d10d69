import type { HelpEntry, TopicNode } from '../../../core/commands/reply';
import type { CoreReply } from '../../../core/conversation/message';
import { type AnswerRenderOptions, renderAnswer } from './answer-message';
import { escapeText } from './escape';
import { LIMITS } from './limits';
import { context, packMessages, type SlackMessage, section, sections } from './message';
import { renderMarkDone, renderPlan, renderPlanResult } from './plan-message';

/** How commands are typed where the reply is shown: `/mentor ` for the slash command, `@mentor ` in a conversation. */
export interface ReplyRenderOptions extends AnswerRenderOptions {
  commandPrefix?: string;
}

/** Characters of topic lines shown in one reply; the rest is summarised. */
const TOPICS_BUDGET = 8000;

function topicLines(nodes: TopicNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    depth === 0
      ? `*${escapeText(node.title)}*`
      : `${'\u2003'.repeat(depth - 1)}${depth === 1 ? '•' : '◦'} ${escapeText(node.title)}`,
    ...topicLines(node.children, depth + 1),
  ]);
}

function renderTopics(reply: Extract<CoreReply, { type: 'topics' }>, prefix: string): SlackMessage[] {
  if (reply.topics.length === 0) {
    return packMessages([section(`No topics match "${escapeText(reply.filter ?? '')}".`)]);
  }
  const lines = topicLines(reply.topics, 0);
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > TOPICS_BUDGET) break;
    shown.push(line);
    used += line.length + 1;
  }
  const notes = [`${reply.total} topic${reply.total === 1 ? '' : 's'}. Ask about any of them.`];
  if (shown.length < lines.length) {
    notes.unshift(
      `…and ${lines.length - shown.length} more. Narrow the list with \`${escapeText(prefix)}topics &lt;filter&gt;\`.`,
    );
  }
  const lead = reply.filter ? `Topics matching "${escapeText(reply.filter)}":` : 'Topics I know:';
  return packMessages([section(lead), ...sections(shown.join('\n')), context(notes)], [], lead);
}

/** A help line: `/mentor topics [filter]  List the topics...` (a question is typed with no command word). */
function helpLine(entry: HelpEntry, prefix: string): string {
  const usage =
    entry.command === 'ask' ? `${prefix}${entry.args}` : `${prefix}${entry.command} ${entry.args}`;
  return `\`${escapeText(usage.trim())}\`  ${escapeText(entry.description)}`;
}

/** An error reply: the core's friendly message, escaped. */
export function renderError(message: string): SlackMessage[] {
  return packMessages([section(`:warning: ${escapeText(message)}`.slice(0, LIMITS.sectionText))]);
}

/** A short notice (plan queued, feedback recorded), escaped. */
export function renderNotice(message: string): SlackMessage[] {
  return packMessages(sections(escapeText(message)));
}

/** Core texts name commands as typed in a DM (`plan show`): here they get this platform's prefix. */
function withPrefix(message: string, prefix: string): string {
  return message.replace(
    /`((?:plan|topics|help)\b[^`]*)`/g,
    (_, command: string) => `\`${prefix}${command}\``,
  );
}

/** Renders any core reply as Slack messages (one, unless an answer or a plan is very long). */
export function renderReply(reply: CoreReply, options: ReplyRenderOptions = {}): SlackMessage[] {
  const prefix = options.commandPrefix ?? '/mentor ';
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer, { ...options, answerId: options.answerId ?? reply.answerId });
    case 'notice':
      return renderNotice(withPrefix(reply.message, prefix));
    case 'plan':
      return renderPlan(reply.plan, reply.title, reply.progress);
    case 'plan-calendar':
      return renderNotice(`:calendar: ${reply.message}`);
    case 'checkin':
      return renderNotice(withPrefix(reply.content.text, prefix));
    case 'plan-request':
      return renderPlanResult(reply.result);
    case 'plan-done':
      return renderMarkDone(reply.result);
    case 'plan-form':
      return renderNotice(`${withPrefix(reply.hint, prefix)} (Or use /mentor plan for a form.)`);
    case 'topics':
      return renderTopics(reply, prefix);
    case 'help': {
      const lines = reply.commands.map((entry) => helpLine(entry, prefix));
      return packMessages([section('*Ask me about backend engineering.*'), ...sections(lines.join('\n'))]);
    }
    case 'error':
      return renderError(reply.message);
  }
}
