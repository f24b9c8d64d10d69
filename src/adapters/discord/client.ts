import { Client, type ClientOptions, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import { sanitizeGatewayPackets } from './sanitize-payload';

/**
 * The REST base discord.js expects: without a trailing slash or API version (discord.js appends
 * `/v10` itself), so `https://discord.com/api`, `.../api/` and `.../api/v10` all work.
 */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Which gateway shards a process runs: the total (`auto`: Discord's recommendation) and its ids. */
export interface ShardSettings {
  count: number | 'auto';
  /** The ids this process runs; every id of `count` when undefined. */
  ids?: number[];
}

/**
 * discord.js's own shard options for {@link ShardSettings}: `shards: 'auto'`, or the ids with
 * `shardCount`. Guild events of shard `(guild_id >> 22) % shardCount` (and every DM, on shard 0) then
 * come to the process that runs that shard only.
 */
export function shardOptions(
  settings: ShardSettings | undefined,
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!settings || settings.count === 'auto') return { shards: 'auto' };
  const ids = settings.ids ?? Array.from({ length: settings.count }, (_, i) => i);
  return { shards: ids, shardCount: settings.count };
}

/**
 * How every Discord REST client here sends its requests: with Node's own `fetch`. @discordjs/rest's
 * default (its own undici's `request()`) sends through whatever undici Agent is the process's global
 * dispatcher; once @slack/socket-mode (another undici major) is loaded first, that Agent does not
 * recognise the `FormData` of a message with files and every upload fails ("action is not a
 * function"): a process running Slack and Discord could deliver no plan file. `fetch` encodes the body
 * itself.
 */
export const makeRequest = ((url: string, init: RequestInit) =>
  fetch(url, init)) as RESTOptions['makeRequest'];

/**
 * The discord.js client of the bot: server, server-message and DM intents (MessageContent is not
 * needed: content is present in DMs and in messages that mention the bot), `Partials.Channel` for DM
 * channels, and no pings from anything the bot sends. With `apiUrl`, every REST call (and so the
 * gateway URL, from `GET /gateway/bot`) goes there. Every gateway dispatch is repaired before
 * discord.js reads it ({@link sanitizeGatewayPackets}): one odd payload must not end the process.
 */
export function createDiscordClient(
  options: { apiUrl?: string; onRepaired?: (event: string) => void; shards?: ShardSettings } = {},
): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...shardOptions(options.shards),
    rest: { makeRequest, ...(options.apiUrl ? { api: restBase(options.apiUrl) } : {}) },
  });
  sanitizeGatewayPackets(client, options.onRepaired);
  return client;
}
