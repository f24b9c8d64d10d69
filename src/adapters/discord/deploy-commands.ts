/**
 * `npm run discord:deploy [-- --guild ID | --global]`: registers the slash commands with Discord
 * (bulk overwrite). Without flags it deploys to DISCORD_GUILD_ID when set, globally otherwise. The
 * bot itself never registers commands on start.
 */
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../../config/config';
import { describeError, isBotError } from '../../core/errors';
import { restBase } from './client';
import { deployCommands } from './deploy';
import { errorFields } from './errors';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let args: { guild?: string; global?: boolean };
  try {
    args = parseArgs({ options: { guild: { type: 'string' }, global: { type: 'boolean' } } }).values;
  } catch (error) {
    fail(`${describeError(error)}\nUsage: npm run discord:deploy [-- --guild ID | --global]`);
  }
  let discord: ReturnType<typeof loadConfig>['discord'];
  try {
    discord = loadConfig(process.env).discord;
  } catch (error) {
    fail(isBotError(error) ? error.userMessage : describeError(error));
  }
  if (!discord)
    fail('DISCORD_TOKEN and DISCORD_APP_ID are required to deploy the commands. See .env.example.');
  const guildId = args.global ? undefined : (args.guild ?? discord.guildId);
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId))
    fail('--guild must be a numeric Discord guild id.');
  const rest = new REST({
    version: '10',
    api: restBase(discord.apiUrl ?? 'https://discord.com/api'),
  }).setToken(discord.token);
  try {
    const names = await deployCommands({ rest, appId: discord.appId, guildId });
    const where = guildId
      ? `in guild ${guildId} (available at once)`
      : 'globally (servers, DMs and user installs; new commands can take a few minutes to appear)';
    process.stdout.write(
      `Registered ${names.length} commands ${where}: ${names.map((n) => `/${n}`).join(', ')}\n`,
    );
  } catch (error) {
    const { error: message, status } = errorFields(error);
    fail(`Could not register the commands${status ? ` (HTTP ${status})` : ''}: ${String(message)}`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

void main();
