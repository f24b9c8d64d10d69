/**
 * What every chat platform is to the composition roots (`src/main.ts`, `src/worker.ts`): a name, the
 * schema of its delivery targets' data, a deliverer factory and an adapter factory. Each platform folder exports one `platform`; the list of
 * platforms is `src/adapters/platforms.ts`, one line each.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/config';
import type { ConversationCore } from '../core/conversation/conversation-core';
import type { Logger } from '../core/logger';
import type { TargetDataSchema } from '../core/plans/plan-job';
import type { PlanDeliverer } from '../core/plans/plan-service';
import type { HttpRoutes } from '../ops/http-routes';
import type { Adapter } from './adapter';

/** What a platform's factories get from the process that loads it. */
export interface PlatformContext {
  config: Config;
  logger: Logger;
  /** `bot`: `npm start` (adapters and deliverers); `worker`: `npm run worker` (deliverers only). */
  role: 'bot' | 'worker';
  /** The bot's shared Redis client, when REDIS_URL is set (closed by its owner). */
  redis?: Redis;
  /** Prefix of the keys written to `redis` (`REDIS_KEY_PREFIX`). */
  keyPrefix?: string;
  /** The paths served on `PORT` beside Slack's (`/discord/interactions`), in the bot process. */
  httpRoutes?: HttpRoutes;
}

/** What an adapter factory gets besides the context: the core and this platform's deliverer. */
export interface AdapterContext extends PlatformContext {
  core: ConversationCore;
  deliverer: PlanDeliverer;
  /** Asks the process to shut down (the terminal's stdin closed). */
  onExit: () => void;
}

/** A chat platform as a plug-in. */
export interface Platform {
  /** "terminal", "slack", "discord": also the `platform` of its delivery targets. */
  readonly name: string;
  /**
   * The schema of the `data` of this platform's delivery targets (`{ platform: name, data }`): the job
   * check validates a job's target with it, so the core never knows a platform's fields.
   */
  readonly deliveryTargetSchema: TargetDataSchema;
  /** The deliverer of finished plans; built before the plan worker starts. */
  createDeliverer(context: PlatformContext): PlanDeliverer;
  /** The adapter of the bot process (never built by `npm run worker`). */
  createAdapter(context: AdapterContext): Adapter;
}
