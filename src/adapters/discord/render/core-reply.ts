import type { CoreReply } from '../../../core/conversation/message';
import type { PlanRequestResult } from '../../../core/plans/plan-service';
import { renderAnswer } from './answer-messages';
import { notice, renderTopicPage } from './info-messages';
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
      return renderPlan(reply.plan, { attach: true, title: reply.title });
    case 'plan-request':
      return [notice(requestMessage(reply.result))];
    case 'plan-done':
      return [notice(reply.result.message)];
    case 'plan-form':
      return [notice(`${reply.hint} Or use /plan new.`)];
  }
}

/** True for replies that say something went wrong or was refused (sent with `respond.fail`). */
export const isFailure = (reply: CoreReply): boolean => reply.type === 'error';
