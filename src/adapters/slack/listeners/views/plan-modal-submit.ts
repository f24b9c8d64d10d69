import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { strings } from '../../../../core/conversation/strings';
import { describeError } from '../../../../core/errors';
import type { PlanRequestResult } from '../../../../core/plans/plan-service';
import { slackTarget } from '../../delivery-target';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { modalErrors, noticeModal, readPlanModal, readPlanModalContext } from '../../plan-modal';

/** A view submission must be answered within 3 s; the plan service gets at most this long. */
const SERVICE_TIMEOUT_MS = 2400;

function withTimeout(work: Promise<PlanRequestResult>): Promise<PlanRequestResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PlanRequestResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          status: 'unavailable',
          message:
            'The plan queue is slow to answer right now. If your plan was queued it will still arrive; otherwise please try again in a minute.',
        }),
      SERVICE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The study-plan form submitted: a missing stack or a value the plan service rejects is shown on its
 * field (`response_action: 'errors'`); an accepted request is queued and the form says so.
 */
export function planModalSubmit(deps: SlackDeps) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    try {
      if (!deps.core.plansAvailable) {
        await ack({ response_action: 'update', view: noticeModal(strings.plansUnavailable) });
        return;
      }
      const input = readPlanModal(view.state.values);
      if (!input.stack) {
        await ack({
          response_action: 'errors',
          errors: { stack: 'Tell me what you want to learn, for example "python django".' },
        });
        return;
      }
      const where = readPlanModalContext(view.private_metadata);
      const teamId = body.team?.id ?? body.user.team_id;
      const target = slackTarget({
        userId,
        ...(where.channelId ? { channelId: where.channelId } : {}),
        ...(where.threadTs ? { threadTs: where.threadTs } : {}),
        ...(teamId ? { teamId } : {}),
      });
      const reply = deps.core.requestPlan(slackUser(userId), input, target, {
        kind: where.channelId ? 'dm' : 'channel',
        conversationId: where.channelId ?? userId,
      });
      const result = await withTimeout(
        reply.then(
          (r): PlanRequestResult =>
            r.type === 'plan-request'
              ? r.result
              : { status: 'unavailable', message: 'message' in r ? r.message : strings.sorry },
        ),
      );
      if (result.status === 'invalid' && result.errors.length > 0) {
        await ack({ response_action: 'errors', errors: modalErrors(result.errors) });
        return;
      }
      await ack({ response_action: 'update', view: noticeModal(result.message) });
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: userId }, 'slack plan form failed');
      await ack({ response_action: 'update', view: noticeModal(SORRY) }).catch(() => {});
    }
  };
}
