import { describeError } from '../../../../core/errors';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { renderError, renderReply } from '../../render/reply-message';
import { sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

/** A related-topic button (acknowledged by the caller): answers that topic for the user who clicked, privately, with "Share in channel". */
export function relatedTopic(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const key = args.action.value ?? '';
      const where = target.channel
        ? {
            kind: 'channel' as const,
            conversationId: target.threadTs ? `${target.channel}:${target.threadTs}` : target.channel,
          }
        : { kind: 'dm' as const, conversationId: target.user };
      const reply = await deps.core.topic(slackUser(target.user), where, key);
      const share = reply.type === 'answer' ? { k: 't' as const, v: key, a: reply.answerId } : undefined;
      await sendEphemeral(target, renderReply(reply, { share }));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack topic button failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}
