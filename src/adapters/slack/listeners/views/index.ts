import type { App } from '@slack/bolt';
import { PLAN_MODAL } from '../../action-ids';
import type { SlackDeps } from '../../deps';
import { planModalSubmit } from './plan-modal-submit';

/** Modal submissions: the study-plan form. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view(PLAN_MODAL.callbackId, planModalSubmit(deps));
}
