import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { sanitizeGatewayPackets } from './sanitize-payload';

/**
 * The REST base discord.js expects: without a trailing slash or API version (discord.js appends
 * `/v10` itself), so `https://discord.com/api`, `.../api/` and `.../api/v10` all work.
 */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * The discord.js client of the bot: server, server-message and DM intents (MessageContent is not
 * needed: content is present in DMs and in messages that mention the bot), `Partials.Channel` for DM
 * channels, and no pings from anything the bot sends. With `apiUrl`, every REST call (and so the
 * gateway URL, from `GET /gateway/bot`) goes there. Every gateway dispatch is repaired before
 * discord.js reads it ({@link sanitizeGatewayPackets}): one odd payload must not end the process.
 */
export function createDiscordClient(
  options: { apiUrl?: string; onRepaired?: (event: string) => void } = {},
): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: restBase(options.apiUrl) } } : {}),
  });
  sanitizeGatewayPackets(client, options.onRepaired);
  return client;
}
