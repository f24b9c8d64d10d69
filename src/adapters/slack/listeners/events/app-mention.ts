import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../answer-conversation';
import type { SlackDeps } from '../../deps';
import { readSlackText } from '../../render/escape';

/**
 * `@mentor ...` in a channel: answered in the message's thread (`thread_ts ?? ts`). The same message
 * also arrives as a `message` event; whichever comes first claims it, so it is answered once.
 */
export function appMention(deps: SlackDeps) {
  return async ({ event, context, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    if (!(await deps.dedupe.claim(`msg:${event.channel}:${event.ts}`))) return;
    const message = {
      channel: event.channel,
      user: event.user,
      teamId: event.team ?? context.teamId,
      text: readSlackText(event.text ?? '', context.botUserId),
      replyThreadTs: event.thread_ts ?? event.ts,
      where: event.channel.startsWith('D') ? ('dm' as const) : ('channel' as const),
      accepts: 'commands' as const,
    };
    await deps.background.run(() => answerInConversation(deps, client, message));
  };
}
