import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../action-ids';
import type { SlackDeps } from '../../deps';
import { feedback } from './feedback';
import { relatedTopic } from './related-topic';
import { shareAnswer } from './share-answer';

/** Buttons on answers: related topics, helpful / not helpful, share in channel. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.topicPattern, relatedTopic(deps));
  app.action<BlockButtonAction>(ACTIONS.feedbackUp, feedback(deps, true));
  app.action<BlockButtonAction>(ACTIONS.feedbackDown, feedback(deps, false));
  app.action<BlockButtonAction>(ACTIONS.share, shareAnswer(deps));
}
