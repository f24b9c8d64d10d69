import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { message } from './message';

/** Message events: DMs (`message.im`) and channel messages (`message.channels`, `.groups`, `.mpim`). */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('message', message(deps));
}
