import { type APIApplicationCommandOption, ApplicationCommandOptionType } from 'discord.js';
import { renderHelp } from '../render/info-messages';
import { commandJson, type SlashCommand, slashCommand } from './command';

function usage(name: string, options: APIApplicationCommandOption[] = []): string {
  const args = options.map((o) => ('required' in o && o.required ? o.name : `[${o.name}]`));
  return [`/${name}`, ...args].join(' ');
}

/** One help line per command and subcommand, from the registered command data itself. */
export function helpLines(commands: readonly SlashCommand[]): { usage: string; description: string }[] {
  return commands.flatMap((command) => {
    const json = commandJson(command);
    const subcommands = (json.options ?? []).filter(
      (o) => o.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0)
      return [{ usage: usage(json.name, json.options), description: json.description }];
    return subcommands.map((sub) => ({
      usage: usage(`${json.name} ${sub.name}`, 'options' in sub ? sub.options : []),
      description: sub.description,
    }));
  });
}

/** The closing note of /help. */
export const helpNote =
  'You can also DM me a question, or mention me in a server. Answers come from my Markdown knowledge; ' +
  'the buttons under an answer open related topics and tell the maintainers whether it helped.';

/** `/help`: the commands and what they do. */
export const helpCommand: SlashCommand = {
  data: slashCommand('help', 'What I can do and how to ask'),
  ephemeral: true,

  async execute(_interaction, respond, { commands }) {
    await respond.send(renderHelp(helpLines(commands), helpNote));
  },
};
