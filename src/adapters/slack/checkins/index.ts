import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../deps';
import { checkinButton } from './checkin-button';
import { slackTimeZone } from './user-time-zone';

/** Action ids of check-in buttons (`checkin:tick:<planId>:<topicId>`, `checkin:push:<planId>`, ...). */
const CHECKIN_ACTION = /^checkin:/;

/**
 * Check-ins on Slack: their buttons (acknowledged at once, handled in the background queue), and the
 * user's Slack time zone for plans of users who did not set one.
 */
export function registerCheckins(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(CHECKIN_ACTION, async (args) => {
    await args.ack();
    await deps.background.run(() => checkinButton(deps)(args));
  });
  deps.core.useTimeZoneLookup('slack', slackTimeZone(app.client));
}
