import type { Config } from '../../config/config';
import { createRedisConnection } from '../../queue/redis-connection';
import type { Platform, PlatformContext } from '../platform';
import { buildSlackAdapter, buildSlackDeliverer } from './build-slack-adapter';
import { slackTargetSchema } from './delivery-target';
import { RedisInstallationStore } from './oauth/redis-installation-store';
import { SealedBox } from './oauth/sealed-box';

/**
 * Slack: Bolt for the bot, the Web API alone for delivering plans, with one workspace's bot token
 * (`SLACK_BOT_TOKEN`) or, installed into any workspace (`SLACK_CLIENT_ID`...), each workspace's
 * token from the installations in Redis.
 */
export const platform: Platform = {
  name: 'slack',
  deliveryTargetSchema: slackTargetSchema,
  createDeliverer: (context) => {
    const { config, logger } = context;
    const installations = installationsOf(context);
    return buildSlackDeliverer(
      slackConfig(config),
      logger,
      config.logLevel,
      installations && ((teamId) => (teamId ? installations.botTokenOf(teamId) : Promise.resolve(undefined))),
    );
  },
  createAdapter: (context) =>
    buildSlackAdapter({
      slack: slackConfig(context.config),
      redis: context.redis,
      keyPrefix: context.keyPrefix,
      httpRoutes: context.httpRoutes,
      installations: installationsOf(context),
      logLevel: context.config.logLevel,
      core: context.core,
      logger: context.logger,
    }),
};

function slackConfig(config: Config): NonNullable<Config['slack']> {
  if (!config.slack) throw new Error('the slack platform is loaded only when Slack is configured');
  return config.slack;
}

/**
 * The installations (any-workspace mode only): on the bot's shared Redis client, or a connection of
 * their own in `npm run worker`.
 */
function installationsOf(context: PlatformContext): RedisInstallationStore | undefined {
  const { config, logger } = context;
  const oauth = slackConfig(config).oauth;
  if (!oauth) return undefined;
  if (!config.redisUrl) throw new Error('SLACK_CLIENT_ID needs REDIS_URL (checked by the configuration)');
  const redis =
    context.redis ??
    createRedisConnection(config.redisUrl, 'producer', { name: 'slack-installations', logger });
  return new RedisInstallationStore(redis, new SealedBox(oauth.installationKey), context.keyPrefix);
}
