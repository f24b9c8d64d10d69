import type { CoreReply } from '../../../core/conversation/message';
import type { PlanGlance } from '../../../core/plans/companion/plan-companion';
import type { PlanRequestResult } from '../../../core/plans/plan-service';
import { renderAnswer } from './answer-messages';
import { defuseMentions, notice, renderTopicPage } from './info-messages';
import { LIMITS, truncate } from './limits';
import type { OutgoingMessage } from './outgoing';
import { renderPlan } from './plan-messages';

/** What the user sees after asking for a plan: the core's message, and where the plan will come. */
export function requestMessage(result: PlanRequestResult): string {
  if (result.status === 'queued' || result.status === 'already-queued') {
    return `${result.message}\nI'll post the plan here when it's ready, or send it to you by DM if that takes longer than 15 minutes.`;
  }
  if (result.status === 'invalid') {
    const missing = result.errors.filter((e) => !result.message.includes(e.message));
    return [result.message, ...missing.map((e) => `- ${e.message}`)].join('\n');
  }
  return result.message;
}

/**
 * Any core reply as Discord messages. `help` lists this platform's registered slash commands (given
 * by the caller), because that is how commands are typed here.
 */
export function renderCoreReply(reply: CoreReply, help: () => OutgoingMessage[]): OutgoingMessage[] {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer, reply.answerId);
    case 'topic-page':
      return renderTopicPage(reply.page);
    case 'help':
      return help();
    case 'error':
    case 'notice':
      return [notice(reply.message)];
    case 'plan':
      return withProgress(renderPlan(reply.plan, { attach: true, title: reply.title }), reply.progress);
    case 'plan-calendar':
      return [
        {
          content: defuseMentions(reply.message),
          files: [{ name: reply.fileName, data: Buffer.from(reply.ics) }],
        },
      ];
    case 'checkin':
      return [notice(reply.content.text)];
    case 'plan-request':
      return [notice(requestMessage(reply.result))];
    case 'plan-done':
      return [notice(reply.result.message)];
    case 'plan-form':
      return [notice(`${reply.hint} Or use /plan new.`)];
  }
}

/** The plan's first message opens with the progress bar and line (message content, above the embeds). */
function withProgress(messages: OutgoingMessage[], progress: PlanGlance | undefined): OutgoingMessage[] {
  if (!progress || messages.length === 0) return messages;
  const [first, ...rest] = messages;
  const content = [`\`${progress.bar}\` ${progress.line}`, progress.note].filter(Boolean).join('\n');
  return [{ ...first, content: truncate(defuseMentions(content), LIMITS.content) }, ...rest];
}

/** True for replies that say something went wrong or was refused (sent with `respond.fail`). */
export const isFailure = (reply: CoreReply): boolean => reply.type === 'error';
