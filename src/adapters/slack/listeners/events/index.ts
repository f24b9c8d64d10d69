import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { appMention } from './app-mention';

/** Events API events other than messages: `app_mention`. */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMention(deps));
}
