/**
 * ioredis connections for the whole bot (plan queue, stores, rate limits), with the options each use
 * needs. Reusable by anything that talks to Redis: pass the role, get a client.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';

/**
 * - `producer`: request-path commands (queue a plan, read a rate limit). Fails fast when Redis is down
 *   (`enableOfflineQueue: false`, one retry) so a platform can still answer inside its 3-second window.
 * - `blocking`: BullMQ workers and QueueEvents, and background stores that should wait out a Redis
 *   restart (`maxRetriesPerRequest: null`, offline queue on).
 */
export type RedisRole = 'producer' | 'blocking';

/** Options of one connection. */
export interface RedisConnectionOptions {
  /** Shown in `CLIENT LIST` (`backend-mentor:<name>`). */
  name: string;
  logger?: Logger;
  /** Extra ioredis options (tests). Never `keyPrefix`: BullMQ refuses it; use its `prefix`. */
  overrides?: RedisOptions;
}

const reconnectDelay = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000);

/**
 * Creates an ioredis client for `url` configured for `role`. Connection errors are logged once per
 * outage (the first error, not every reconnect attempt) and the outage's end is logged with how many
 * errors it hid and how long it lasted; errors are never thrown as unhandled `error` events. BullMQ's
 * own `console.warn` lines go through `logger` too ({@link routeBullmqWarnings}).
 *
 * @example
 * const producer = createRedisConnection(config.redisUrl, 'producer', { name: 'plans-producer', logger });
 */
export function createRedisConnection(url: string, role: RedisRole, options: RedisConnectionOptions): Redis {
  const roleOptions: RedisOptions =
    role === 'producer'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true, connectTimeout: 5000 };
  const client = new Redis(url, {
    connectionName: `backend-mentor:${options.name}`,
    retryStrategy: reconnectDelay,
    ...roleOptions,
    ...options.overrides,
  });
  if (options.logger) routeBullmqWarnings(options.logger);
  live.add(client);
  client.once('end', () => live.delete(client));
  let outage: { since: number; errors: number } | undefined;
  client.on('error', (error: unknown) => {
    if (outage) {
      outage.errors++;
      return;
    }
    outage = { since: Date.now(), errors: 1 };
    options.logger?.warn(
      { connection: options.name, error: describeError(error) },
      'redis connection failed; retrying (logged once until it is restored)',
    );
  });
  client.on('ready', () => {
    if (outage) {
      options.logger?.info(
        { connection: options.name, errors: outage.errors, downMs: Date.now() - outage.since },
        'redis connection restored',
      );
    }
    outage = undefined;
  });
  return client;
}

/** Every client the factory made that has not ended yet (for {@link disconnectUnready}). */
const live = new Set<Redis>();

/**
 * At shutdown: ends at once every connection that is not connected now (Redis unreachable, wrong
 * password), so nothing waits for a Redis that is not coming (BullMQ's close would wait for ever).
 * Commands queued on those connections fail, as they would have anyway. Returns how many it ended.
 */
export function disconnectUnready(): number {
  let ended = 0;
  for (const client of live) {
    if (client.status === 'ready') continue;
    client.disconnect();
    live.delete(client);
    ended++;
  }
  return ended;
}

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|WRONGPASS|NOAUTH|Connection is closed|connect ETIMEDOUT|Stream isn't writeable/;

/**
 * True for an error that only says Redis cannot be reached (refused, reset, timed out, wrong
 * password). The connection that hit it already logs it once per outage, so `error` listeners of
 * BullMQ queues and workers (which re-emit every reconnect attempt) should not log it again.
 */
export function isRedisConnectionError(error: unknown): boolean {
  return CONNECTION_ERROR.test(
    error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : String(error),
  );
}

let warningLogger: Logger | undefined;
const BULLMQ_WARNING =
  /^(IMPORTANT! Eviction policy|It is highly recommended to use a minimum Redis version|BullMQ:)/;

/**
 * Sends BullMQ's own warnings (it writes them with `console.warn`/`console.error`: an eviction policy
 * other than `noeviction`, an old Redis, bad connection options) to `logger` as JSON lines. Only
 * messages that start like BullMQ's are taken; everything else reaches the console untouched.
 * Installed once per process; the latest logger wins.
 */
export function routeBullmqWarnings(logger: Logger): void {
  const first = warningLogger === undefined;
  warningLogger = logger;
  if (!first) return;
  for (const method of ['warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && BULLMQ_WARNING.test(args[0]) && warningLogger) {
        warningLogger.warn({ source: 'bullmq' }, args.map(String).join(' '));
        return;
      }
      original(...args);
    };
  }
}

/**
 * Waits for a BullMQ `close()` at most `ms`: on a connection that never became ready (wrong password,
 * Redis unreachable) BullMQ waits for it for ever. Resolves true when it finished, false after `ms`;
 * never throws (a close that fails has nothing left to close).
 */
export async function closeWithin(close: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  const done = close().then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a client: QUIT when connected, else disconnect at once. Never throws. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
