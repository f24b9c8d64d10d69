import type { App } from '@slack/bolt';
import { registerCheckins } from '../checkins';
import type { SlackDeps } from '../deps';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerMessages } from './messages';
import { registerViews } from './views';

/**
 * Every listener of the Slack app, registered in one place (after Slack's bolt-ts starter template):
 * each folder registers its callbacks, one small file handles each.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerCheckins(app, deps);
}
