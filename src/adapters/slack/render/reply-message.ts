import type { HelpEntry } from '../../../core/commands/reply';
import type { CoreReply } from '../../../core/conversation/message';
import { pagingText } from '../../../core/conversation/paging';
import type { TopicPage } from '../../../core/knowledge/topics';
import { PAGING_ACTIONS, topicsPageValue } from '../paging-ids';
import { type AnswerRenderOptions, renderAnswer } from './answer-message';
import { escapeText } from './escape';
import { LIMITS } from './limits';
import { type Block, button, context, packMessages, type SlackMessage, section, sections } from './message';
import { renderMarkDone, renderPlan, renderPlanResult } from './plan-message';

/** How commands are typed where the reply is shown: `/mentor ` for the slash command, `@mentor ` in a conversation. */
export interface ReplyRenderOptions extends AnswerRenderOptions {
  commandPrefix?: string;
}

/** One page of topics: documents in bold, their sections under them, Previous / Next buttons. */
function renderTopicPage(page: TopicPage): SlackMessage[] {
  if (page.groups.length === 0) return packMessages([section(escapeText(pagingText.none(page.filter)))]);
  const lines = page.groups.flatMap((group) => [
    `*${escapeText(group.title)}*`,
    ...group.entries.map(
      (e) => `${'\u2003'.repeat(e.depth - 1)}${e.depth === 1 ? '•' : '◦'} ${escapeText(e.title)}`,
    ),
  ]);
  const lead = escapeText(pagingText.heading(page));
  const tail: Block[] = [context([escapeText(pagingText.position(page))])];
  if (page.pages > 1) {
    const turns = [];
    if (page.page > 0)
      turns.push(
        button(
          PAGING_ACTIONS.topicsPrevious,
          pagingText.previousLabel,
          topicsPageValue(page.page - 1, page.filter),
        ),
      );
    if (page.page + 1 < page.pages)
      turns.push(
        button(PAGING_ACTIONS.topicsNext, pagingText.nextLabel, topicsPageValue(page.page + 1, page.filter)),
      );
    tail.push({ type: 'actions', block_id: 'mentor_topics_page', elements: turns });
  }
  return packMessages([section(`*${lead}*`), ...sections(lines.join('\n'))], tail, `*${lead}*`);
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
    case 'topic-page':
      return renderTopicPage(reply.page);
    case 'help': {
      const lines = reply.commands.map((entry) => helpLine(entry, prefix));
      return packMessages([section('*Ask me about backend engineering.*'), ...sections(lines.join('\n'))]);
    }
    case 'error':
      return renderError(reply.message);
  }
}
