import {
  type ApplicationCommandOptionChoiceData,
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandOptionsOnlyBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { ConversationCore } from '../../../core/conversation/conversation-core';
import type { Where } from '../../../core/conversation/message';
import type { Logger } from '../../../core/logger';
import type { UserRef } from '../../../core/plans/plan-service';
import type { Responder } from '../interactions/responder';
import type { InteractionTokenStore } from '../plans/interaction-token-store';

/** What the Discord handlers use: the conversation core, passed in from the composition root. */
export interface DiscordDeps {
  core: ConversationCore;
  logger: Logger;
  /** Where /plan new leaves the interaction token for the worker (never in job data). */
  tokens: InteractionTokenStore;
}

/** What a command's handlers get: the services, the application id and the command list (for /help). */
export type CommandContext = DiscordDeps & { appId: string; commands: readonly SlashCommand[] };

/** A slash command, after the discord.js guide: its registration data and its handlers, in one file. */
export interface SlashCommand {
  data: SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  /** Whether the response is visible only to the user who ran the command. */
  ephemeral: boolean;
  execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: CommandContext): Promise<void>;
  /** Suggestions for the focused option; the router trims them to Discord's limits. */
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: CommandContext,
  ): Promise<ApplicationCommandOptionChoiceData[]>;
}

/**
 * A slash command builder for a command that works everywhere: in servers, in DMs with the bot and
 * in group DMs, whether the app is installed to a server or to a user.
 */
export function slashCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

/** The user who ran an interaction, for the core. */
export function discordUser(interaction: { user: { id: string } }): UserRef {
  return { platform: 'discord', id: interaction.user.id };
}

/** Where an interaction happened, for the core: a DM (no guild) or a channel. */
export function discordWhere(interaction: {
  guildId: string | null;
  channelId: string | null;
  user: { id: string };
}): Where {
  return {
    kind: interaction.guildId ? 'channel' : 'dm',
    conversationId: interaction.channelId ?? `dm:${interaction.user.id}`,
  };
}

/** The JSON Discord registers for a command. */
export function commandJson(command: SlashCommand): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return command.data.toJSON();
}
