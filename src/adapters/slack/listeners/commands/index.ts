import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { mentorCommand } from './mentor-command';

/** Slash commands: `/mentor`. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/mentor', mentorCommand(deps));
}
