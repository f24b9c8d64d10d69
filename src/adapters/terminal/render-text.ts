import type { Answer } from '../../core/answers/compose-answer';
import { answerWithLearning } from '../../core/answers/learn-text';
import type { Reply, TopicNode } from '../../core/commands/reply';
import type { CoreReply } from '../../core/conversation/message';
import { pagingText } from '../../core/conversation/paging';
import type { TopicPage } from '../../core/knowledge/topics';
import type { CheckinContent } from '../../core/plans/companion/checkin-content';

/** ANSI styling, or none when output is not a terminal. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t, accent: (t) => t };
export const ansiStyle: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  accent: (t) => `\u001b[36m${t}\u001b[39m`,
};

/** How a terminal shows a reply: the chat shows an answer's lead ("more" for the rest), the CLI all of it. */
export interface TextRenderOptions {
  /** Show the answer's lead and how to read the rest (the chat); default: the whole answer (the CLI). */
  sized?: boolean;
}

/**
 * Markdown for a terminal: links as `label <url>` (terminals make URLs clickable), emphasis as bold
 * (the answer text is otherwise shown as written).
 */
function markdownToTerminal(markdown: string, style: Style): string {
  const linked = markdown.replace(
    /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g,
    (_, label: string, url: string) => `${label} <${url}>`,
  );
  if (style === plainStyle) return linked;
  return linked.replace(/\*\*([^*\n]+)\*\*/g, (_, inner: string) => style.bold(inner));
}

/** One page of topics: documents in bold, their sections indented, and how to turn the page. */
function renderTopicPage(page: TopicPage, style: Style): string {
  if (page.groups.length === 0) return pagingText.none(page.filter);
  const lines = page.groups.flatMap((group) => [
    style.bold(group.title),
    ...group.entries.map((e) => `${'  '.repeat(e.depth)}- ${e.title}`),
  ]);
  return [style.bold(pagingText.heading(page)), ...lines, style.dim(pagingText.position(page, true))].join(
    '\n',
  );
}

function renderTopics(nodes: TopicNode[], depth: number, style: Style): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${depth === 0 ? style.bold(node.title) : `- ${node.title}`}`,
    ...renderTopics(node.children, depth + 1, style),
  ]);
}

/** An answer as terminal text: the answer, then where it came from and what to ask next. */
export function renderAnswerText(answer: Answer, style: Style = plainStyle, sized = false): string {
  const text = sized ? (answer.lead ?? answer.markdown) : answer.markdown;
  const lines = [markdownToTerminal(answerWithLearning(text, answer.learn), style)];
  if (sized && answer.more) lines.push(style.accent(pagingText.moreHint));
  if (answer.corrections.length > 0) {
    lines.push(style.dim(`(read ${answer.corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')})`));
  }
  if (answer.sources.length > 0) {
    lines.push(style.dim(`Source: ${answer.sources.map((s) => s.path.join(' > ')).join('; ')}`));
  }
  if (answer.related.length > 0) {
    const label = answer.matched ? 'Related' : 'Try';
    lines.push(style.accent(`${label}: ${answer.related.map((r) => r.title).join(' | ')}`));
  }
  if (answer.learn) lines.push(style.accent(`Plan it: ${answer.learn.planCommand}`));
  return lines.join('\n');
}

/**
 * Renders any reply for a terminal. `commandPrefix` is how commands are typed here ("/" in the chat,
 * "" for the CLI).
 */
export function renderReplyText(
  reply: CoreReply | Reply,
  style: Style = plainStyle,
  commandPrefix = '/',
  options: TextRenderOptions = {},
): string {
  switch (reply.type) {
    case 'answer':
      return renderAnswerText(reply.answer, style, options.sized);
    case 'topic-page':
      return renderTopicPage(reply.page, style);
    case 'topics':
      if (reply.topics.length === 0) return `No topics match "${reply.filter ?? ''}".`;
      return renderTopics(reply.topics, 0, style).join('\n');
    case 'help':
      return reply.commands
        .map(
          (c) =>
            `${style.bold(`${commandPrefix}${c.command}${c.args ? ` ${c.args}` : ''}`)}  ${c.description}`,
        )
        .join('\n');
    case 'error':
    case 'notice':
      return reply.message;
    case 'plan':
      return renderPlanText(reply, style, commandPrefix);
    case 'plan-calendar':
      return `${reply.message} (${reply.fileName})\n${reply.ics.trimEnd()}`;
    case 'checkin':
      return renderCheckinText(reply.content, style, commandPrefix);
    case 'plan-request': {
      const { result } = reply;
      if (result.status === 'queued' || result.status === 'already-queued') return style.dim(result.message);
      if (result.status !== 'invalid') return result.message;
      const missing = result.errors.filter((e) => !result.message.includes(e.message));
      return [result.message, ...missing.map((e) => `- ${e.message}`)].join('\n');
    }
    case 'plan-done':
      return reply.result.message;
    case 'plan-form':
      return reply.hint;
  }
}

/** A check-in as terminal text: its text, then how to tick topics here (there are no buttons). */
export function renderCheckinText(content: CheckinContent, style: Style = plainStyle, prefix = '/'): string {
  const ticks = content.actions.filter((a) => a.kind === 'tick');
  const hint = ticks.length > 0 ? `Tick a topic: ${prefix}plan done <topic>` : '';
  return [
    style.bold('Your weekly check-in'),
    markdownToTerminal(content.text, style),
    ...(hint ? [style.accent(hint)] : []),
  ].join('\n');
}

/** `plan show` as terminal text: the progress bar and line, the plan, then this week's check-in. */
function renderPlanText(reply: Extract<CoreReply, { type: 'plan' }>, style: Style, prefix: string): string {
  const { progress, checkin } = reply;
  const head = progress
    ? [
        `${style.bold('Progress')} ${progress.bar} · ${progress.line}`,
        ...(progress.note ? [style.dim(progress.note)] : []),
        '',
      ]
    : [];
  const tail = checkin ? ['', renderCheckinText(checkin, style, prefix)] : [];
  return [...head, reply.plan.markdown, ...tail].join('\n');
}
