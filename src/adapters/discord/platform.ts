import type { Config } from '../../config/config';
import type { Platform } from '../platform';
import { DiscordAdapter } from './discord-adapter';
import { createInteractionTokenStore } from './index';
import { discordTargetSchema } from './plans/delivery-target';
import { DiscordPlanDeliverer } from './plans/discord-deliverer';

function discordConfig(config: Config): NonNullable<Config['discord']> {
  if (!config.discord) throw new Error('the discord platform is loaded only when Discord is configured');
  return config.discord;
}

/**
 * Discord: the gateway client for the bot, REST alone for delivering plans. In the bot the adapter
 * and the deliverer share one interaction-token store (on the shared Redis client, or in memory);
 * `npm run worker` opens its own connection to read the tokens.
 */
export const platform: Platform = {
  name: 'discord',
  deliveryTargetSchema: discordTargetSchema,
  createDeliverer: ({ config, logger, role, redis, keyPrefix }) => {
    const discord = discordConfig(config);
    const worker = role === 'worker';
    return new DiscordPlanDeliverer({
      token: discord.token,
      apiUrl: discord.apiUrl,
      tokens: createInteractionTokenStore(worker ? config.redisUrl : redis, keyPrefix, logger),
      logger,
      closeTokens: worker,
    });
  },
  createAdapter: ({ config, logger, core, deliverer, httpRoutes }) => {
    const discord = discordConfig(config);
    if (!(deliverer instanceof DiscordPlanDeliverer)) throw new Error('discord adapter needs its deliverer');
    return new DiscordAdapter({
      token: discord.token,
      appId: discord.appId,
      apiUrl: discord.apiUrl,
      core,
      logger,
      tokens: deliverer.options.tokens,
      shards: discord.shards,
      gateway: discord.gateway,
      ...(discord.interactions
        ? {
            interactions: {
              ...discord.interactions,
              sharedRoutes: discord.interactions.sharedWithSlack ? httpRoutes : undefined,
            },
          }
        : {}),
    });
  },
};
