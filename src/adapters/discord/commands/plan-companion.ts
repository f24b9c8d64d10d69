import type { ChatInputCommandInteraction, SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import type { Responder } from '../interactions/responder';
import { renderCoreReply } from '../render/core-reply';
import { type CommandContext, discordUser, discordWhere } from './command';

/** The check-in subcommands of `/plan`: checkins, pause, resume, timezone, calendar. */
export function addCompanionSubcommands(
  builder: SlashCommandSubcommandsOnlyBuilder,
): SlashCommandSubcommandsOnlyBuilder {
  return builder
    .addSubcommand((sub) =>
      sub
        .setName('checkins')
        .setDescription('Turn the weekly check-ins of your plan on or off')
        .addStringOption((o) =>
          o
            .setName('state')
            .setDescription('on or off')
            .setRequired(true)
            .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
        ),
    )
    .addSubcommand((sub) => sub.setName('pause').setDescription('Pause the check-ins of your plan'))
    .addSubcommand((sub) => sub.setName('resume').setDescription('Resume the check-ins of your plan'))
    .addSubcommand((sub) =>
      sub
        .setName('timezone')
        .setDescription('Your time zone: check-ins come at 09:00 there')
        .addStringOption((o) =>
          o
            .setName('zone')
            .setDescription('A place name such as Europe/Berlin or America/New_York')
            .setRequired(true)
            .setMaxLength(64),
        ),
    )
    .addSubcommand((sub) => sub.setName('calendar').setDescription('Your plan as a calendar file (.ics)'));
}

/** The text the core reads for a check-in subcommand, or undefined for another subcommand. */
function commandText(sub: string | null, interaction: ChatInputCommandInteraction): string | undefined {
  if (sub === 'checkins') return `plan checkins ${interaction.options.getString('state') ?? ''}`;
  if (sub === 'pause' || sub === 'resume' || sub === 'calendar') return `plan ${sub}`;
  if (sub === 'timezone') return `plan timezone ${interaction.options.getString('zone') ?? ''}`;
  return undefined;
}

/** Runs a check-in subcommand through the core; false when `sub` is not one. */
export async function runCompanionSubcommand(
  sub: string | null,
  interaction: ChatInputCommandInteraction,
  respond: Responder,
  ctx: CommandContext,
): Promise<boolean> {
  const text = commandText(sub, interaction);
  if (text === undefined) return false;
  const replies = await ctx.core.receive({
    user: discordUser(interaction),
    where: discordWhere(interaction),
    text,
    kind: 'slash-command',
  });
  await respond.send(replies.flatMap((reply) => renderCoreReply(reply, () => [])));
  return true;
}
