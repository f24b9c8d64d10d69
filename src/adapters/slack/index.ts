import type { Config } from '../../config/config';
import type { Platform } from '../platform';
import { buildSlackAdapter, buildSlackDeliverer } from './build-slack-adapter';

/** Slack: Bolt for the bot, the Web API alone (bot token) for delivering plans. */
export const platform: Platform = {
  name: 'slack',
  createDeliverer: ({ config, logger }) => buildSlackDeliverer(slackConfig(config), logger, config.logLevel),
  createAdapter: ({ config, logger, core, redis, keyPrefix, httpRoutes }) =>
    buildSlackAdapter({
      slack: slackConfig(config),
      redis,
      keyPrefix,
      httpRoutes,
      logLevel: config.logLevel,
      core,
      logger,
    }),
};

function slackConfig(config: Config): NonNullable<Config['slack']> {
  if (!config.slack) throw new Error('the slack platform is loaded only when Slack is configured');
  return config.slack;
}
