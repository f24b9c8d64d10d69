import type Redis from 'ioredis';
import type { Config } from '../../config/config';
import type { ConversationCore } from '../../core/conversation/conversation-core';
import type { Logger } from '../../core/logger';
import type { HttpRoutes } from '../../ops/http-routes';
import { type Deduper, MemoryDeduper, RedisDeduper } from './event-dedupe';
import type { RedisInstallationStore } from './oauth/redis-installation-store';
import { SlackAdapter } from './slack-adapter';
import { SlackPlanDeliverer } from './slack-deliverer';
import { slackLogLevel } from './slack-logger';

/** The Slack part of the configuration. */
export type SlackSettings = NonNullable<Config['slack']>;

/** What the composition root hands over. */
export interface SlackParts {
  slack: SlackSettings;
  /** Shares event de-duplication between processes when set (the stores' client; closed by its owner). */
  redis?: Redis;
  /** Prefix of the keys written to `redis` (`REDIS_KEY_PREFIX`). */
  keyPrefix?: string;
  /** Other paths the HTTP-mode server serves (`/discord/interactions`). */
  httpRoutes?: HttpRoutes;
  /** The workspaces the app is installed in (any-workspace mode, `SLACK_CLIENT_ID`). */
  installations?: RedisInstallationStore;
  logLevel: string;
  core: ConversationCore;
  logger: Logger;
}

/**
 * Builds the Slack adapter from the configuration: Socket Mode or HTTP mode, event de-duplication in
 * Redis when there is one (several HTTP-mode processes behind a load balancer then agree), in memory
 * otherwise.
 */
export function buildSlackAdapter(parts: SlackParts): SlackAdapter {
  const dedupe: Deduper = parts.redis
    ? new RedisDeduper(parts.redis, parts.logger, `${parts.keyPrefix ?? 'backend-mentor'}:slack:seen:`)
    : new MemoryDeduper();
  return new SlackAdapter({
    connection: {
      ...parts.slack,
      oauth:
        parts.slack.oauth && parts.installations
          ? { ...parts.slack.oauth, installationStore: parts.installations }
          : undefined,
    },
    core: parts.core,
    logger: parts.logger,
    logLevel: slackLogLevel(parts.logLevel),
    answerChannels: parts.slack.answerChannels,
    dedupe,
    httpRoutes: parts.httpRoutes,
  });
}

/**
 * The plan deliverer for Slack, for the worker (`npm start` or `npm run worker`): with the bot token,
 * or with `tokenFor`, the token of the workspace a plan was asked in (any-workspace mode).
 */
export function buildSlackDeliverer(
  slack: Pick<SlackSettings, 'botToken' | 'apiUrl'>,
  logger: Logger,
  logLevel = 'info',
  tokenFor?: (teamId: string | undefined) => Promise<string | undefined>,
): SlackPlanDeliverer {
  return new SlackPlanDeliverer({
    botToken: slack.botToken,
    tokenFor,
    apiUrl: slack.apiUrl,
    logger,
    logLevel,
  });
}
