import { describeError } from '../../../../core/errors';
import { slackTarget } from '../../delivery-target';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { renderError, renderReply } from '../../render/reply-message';
import { sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

/**
 * "Plan this" under a technology answer (acknowledged by the caller): a plan for that curriculum topic
 * through the core, starting from what the user said in the conversation, delivered where it was asked.
 */
export function planTopic(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    const teamId = args.body.team?.id ?? args.body.user.team_id;
    try {
      const topicId = args.action.value ?? '';
      const where = target.channel
        ? {
            kind: target.threadTs ? ('thread' as const) : ('channel' as const),
            conversationId: target.threadTs ? `${target.channel}:${target.threadTs}` : target.channel,
          }
        : { kind: 'dm' as const, conversationId: target.user };
      const deliverTo = slackTarget({
        userId: target.user,
        ...(target.channel ? { channelId: target.channel } : {}),
        ...(target.threadTs ? { threadTs: target.threadTs } : {}),
        ...(teamId ? { teamId } : {}),
      });
      const reply = await deps.core.planTopic(slackUser(target.user), where, topicId, deliverTo);
      await sendEphemeral(target, renderReply(reply));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack plan button failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}
