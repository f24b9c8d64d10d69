import type { Answer } from '../../core/answers/compose-answer';
import { answerWithLearning } from '../../core/answers/learn-text';
import type { TopicNode } from '../../core/commands/reply';
import type { CoreReply } from '../../core/conversation/message';
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

/** Markdown emphasis as terminal bold (the answer text is otherwise shown as written). */
function markdownToTerminal(markdown: string, style: Style): string {
  if (style === plainStyle) return markdown;
  return markdown.replace(/\*\*([^*\n]+)\*\*/g, (_, inner: string) => style.bold(inner));
}

function renderTopics(nodes: TopicNode[], depth: number, style: Style): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${depth === 0 ? style.bold(node.title) : `- ${node.title}`}`,
    ...renderTopics(node.children, depth + 1, style),
  ]);
}

/** An answer as terminal text: the answer, then where it came from and what to ask next. */
export function renderAnswerText(answer: Answer, style: Style = plainStyle): string {
  const lines = [markdownToTerminal(answerWithLearning(answer.markdown, answer.learn), style)];
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
export function renderReplyText(reply: CoreReply, style: Style = plainStyle, commandPrefix = '/'): string {
  switch (reply.type) {
    case 'answer':
      return renderAnswerText(reply.answer, style);
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
