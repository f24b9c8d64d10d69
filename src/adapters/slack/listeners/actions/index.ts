import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../action-ids';
import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from './action-target';
import { feedback } from './feedback';
import { registerPaging } from './paging';
import { planTopic } from './plan-topic';
import { relatedTopic } from './related-topic';
import { shareAnswer } from './share-answer';

/** Acknowledges a click at once; the handler then runs in the background queue. */
const afterAck =
  (deps: SlackDeps, handler: (args: ButtonArgs) => Promise<void>) => async (args: ButtonArgs) => {
    await args.ack();
    await deps.background.run(() => handler(args));
  };

/** Buttons on answers: related topics, helpful / not helpful, share in channel, plan this. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.topicPattern, afterAck(deps, relatedTopic(deps)));
  app.action<BlockButtonAction>(ACTIONS.feedbackUp, afterAck(deps, feedback(deps, true)));
  app.action<BlockButtonAction>(ACTIONS.feedbackDown, afterAck(deps, feedback(deps, false)));
  app.action<BlockButtonAction>(ACTIONS.share, afterAck(deps, shareAnswer(deps)));
  app.action<BlockButtonAction>(ACTIONS.planTopic, afterAck(deps, planTopic(deps)));
  registerPaging(app, deps);
}
