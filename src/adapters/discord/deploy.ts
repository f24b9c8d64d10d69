import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import { COMMANDS } from './commands';
import { commandJson } from './commands/command';

/**
 * The JSON of every command, as registered. Guild commands leave out `contexts` and
 * `integration_types`, which Discord only applies to global commands.
 */
export function commandPayloads(
  scope: 'global' | 'guild',
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => {
    const json = commandJson(command);
    if (scope === 'global') return json;
    const { contexts: _contexts, integration_types: _types, ...guildJson } = json;
    return guildJson;
  });
}

/**
 * Registers the bot's commands with one bulk overwrite (`PUT`): globally (servers, DMs, user
 * installs), or in one guild (updates at once, for development). Returns the names registered.
 */
export async function deployCommands(options: {
  rest: REST;
  appId: string;
  guildId?: string;
}): Promise<string[]> {
  const { rest, appId, guildId } = options;
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const saved = (await rest.put(route, { body: commandPayloads(guildId ? 'guild' : 'global') })) as {
    name: string;
  }[];
  return saved.map((c) => c.name);
}
