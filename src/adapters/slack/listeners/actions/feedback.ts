import { describeError } from '../../../../core/errors';
import { type SlackDeps, SORRY } from '../../deps';
import { renderError, renderNotice } from '../../render/reply-message';
import { sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

/** "Helpful" / "Not helpful": records the verdict on the answer (by its id) and thanks the user privately. */
export function feedback(deps: SlackDeps, helpful: boolean) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const recorded = await deps.insights.recordFeedback({
        answerId: args.action.value ?? '',
        helpful,
        platform: 'slack',
        userId: target.user,
      });
      const thanks = !recorded
        ? 'I can no longer find that answer to rate it, but thank you.'
        : helpful
          ? 'Thanks! Glad it helped.'
          : 'Thanks for telling me. It shows what to improve in my knowledge.';
      await sendEphemeral(target, renderNotice(thanks));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack feedback failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}
