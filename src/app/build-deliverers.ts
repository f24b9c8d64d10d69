/**
 * The plan deliverers of a process: who can send a finished plan to a user on which platform. The bot
 * process registers its adapters; `npm run worker` builds the platform clients it needs from config.
 */
import type { Config } from '../config/config';
import type { Logger } from '../core/logger';
import type { PlanDeliverer } from '../core/plans/plan-service';

/** What a process can deliver with. */
export interface DelivererSources {
  config: Config;
  logger: Logger;
  /** The terminal chat of this process, when it runs one (it prints plans in the chat). */
  terminal?: PlanDeliverer;
  /**
   * Platform deliverers built elsewhere. The Discord and Slack adapters add theirs here: in the bot
   * process the adapters themselves; in `npm run worker`, REST-only deliverers built from
   * `config.discord` / `config.slack` (see below).
   */
  platforms?: PlanDeliverer[];
}

/**
 * Returns the deliverers for a process, at most one per platform (later ones win). A platform's
 * client library is loaded only when that platform is configured (it is most of the start-up time).
 *
 * @example
 * const registry = new DeliveryRegistry(await buildDeliverers({ config, logger, terminal: terminalAdapter }));
 */
export async function buildDeliverers(sources: DelivererSources): Promise<PlanDeliverer[]> {
  const list: PlanDeliverer[] = [];
  if (sources.terminal) list.push(sources.terminal);
  // Slack: the Web API with the bot token only (no Bolt app), the same in the bot and in the worker.
  if (sources.config.slack) {
    const { buildSlackDeliverer } = await import('../adapters/slack/build-slack-adapter');
    list.push(buildSlackDeliverer(sources.config.slack, sources.logger, sources.config.logLevel));
  }
  // Discord: the bot process passes its adapter's deliverer through `platforms` (it shares the
  // adapter's interaction tokens); `npm run worker` gets a REST-only one, tokens from Redis.
  const given = new Set((sources.platforms ?? []).map((d) => d.platform));
  if (sources.config.discord && !given.has('discord')) {
    const { createDiscordDeliverer } = await import('../adapters/discord');
    list.push(
      createDiscordDeliverer(
        sources.config.discord,
        sources.config.redisUrl,
        sources.logger,
        sources.config.keyPrefix,
      ),
    );
  }
  list.push(...(sources.platforms ?? []));
  const byPlatform = new Map(list.map((d) => [d.platform, d]));
  return [...byPlatform.values()];
}
