/**
 * The plan deliverers of a process: who can send a finished plan to a user on which platform. The bot
 * process registers its adapters; `npm run worker` builds the platform clients it needs from config.
 */
import { createDiscordDeliverer } from '../adapters/discord';
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
 * Returns the deliverers for a process, at most one per platform (later ones win).
 *
 * @example
 * const registry = new DeliveryRegistry(buildDeliverers({ config, logger, terminal: terminalAdapter }));
 */
export function buildDeliverers(sources: DelivererSources): PlanDeliverer[] {
  const list: PlanDeliverer[] = [];
  if (sources.terminal) list.push(sources.terminal);
  // Discord and Slack: their helpers add deliverers built from sources.config.discord and
  // sources.config.slack here (e.g. `if (sources.config.discord) list.push(createDiscordDeliverer(...))`),
  // or pass them in through `platforms`.
  const given = new Set((sources.platforms ?? []).map((d) => d.platform));
  if (sources.config.discord && !given.has('discord')) {
    // `npm run worker`: REST only, interaction tokens from Redis (the bot process passes its adapter's).
    list.push(createDiscordDeliverer(sources.config.discord, sources.config.redisUrl, sources.logger));
  }
  list.push(...(sources.platforms ?? []));
  const byPlatform = new Map(list.map((d) => [d.platform, d]));
  return [...byPlatform.values()];
}
