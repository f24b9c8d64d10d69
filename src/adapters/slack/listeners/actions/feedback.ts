import { describeError } from '../../../../core/errors';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { renderError, renderReply } from '../../render/reply-message';
import { sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

/** "Helpful" / "Not helpful": records the verdict on the answer (by its id) and thanks the user privately. */
export function feedback(deps: SlackDeps, helpful: boolean) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const reply = await deps.core.feedback(slackUser(target.user), args.action.value ?? '', helpful);
      await sendEphemeral(target, renderReply(reply));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack feedback failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}
