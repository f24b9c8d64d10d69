import { askCommand } from './ask';
import type { SlashCommand } from './command';
import { helpCommand } from './help';
import { planCommand } from './plan';
import { topicsCommand } from './topics';

/** Every slash command of the bot, in the order /help lists them. */
export const COMMANDS: readonly SlashCommand[] = [askCommand, topicsCommand, planCommand, helpCommand];
