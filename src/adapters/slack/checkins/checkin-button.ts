import { describeError } from '../../../core/errors';
import { slackTarget } from '../delivery-target';
import { type SlackDeps, SORRY, slackUser } from '../deps';
import { type ButtonArgs, clickerTarget } from '../listeners/actions/action-target';
import { renderError, renderReply } from '../render/reply-message';
import { sendEphemeral } from '../reply-channel';
import { sendCalendar } from './send-calendar';

/**
 * A check-in's buttons (acknowledged by the caller; the action id is `checkin:...`): tick a topic,
 * push the plan back, stop check-ins, or a lighter plan, through the core. The answer goes to the
 * clicker alone; a lighter plan comes where the check-in was (the DM).
 */
export function checkinButton(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const teamId = args.body.team?.id;
      const deliverTo = slackTarget({
        userId: target.user,
        ...(target.channel?.startsWith('D') ? { channelId: target.channel } : {}),
        ...(teamId ? { teamId } : {}),
      });
      const reply = await deps.core.checkinAction(slackUser(target.user), args.action.action_id, deliverTo);
      if (
        reply.type === 'plan-calendar' &&
        (await sendCalendar(args.client, target.user, target.channel, reply))
      )
        return;
      await sendEphemeral(target, renderReply(reply));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack check-in button failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}
