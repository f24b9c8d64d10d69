import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import { disconnectUnready } from '../queue/redis-connection';

/** How a process shuts down: what to log, how long it may take, and what to close. */
export interface ShutdownOptions {
  logger: Logger;
  /** Logged once when shutdown starts. */
  message: string;
  /** After this long the process exits with code 1 whatever is still open. */
  timeoutMs: number;
  /** Stops taking work, finishes what is in hand, closes connections. */
  stop: () => Promise<void>;
}

/**
 * Registers SIGINT/SIGTERM and returns the shutdown function (also for other reasons, such as the
 * terminal closing). It runs once: stop everything, then exit with `code`, or with 1 on time-out.
 */
export function gracefulShutdown(options: ShutdownOptions): (reason: string, code?: number) => Promise<void> {
  let stopping = false;
  const shutdown = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal: reason }, options.message);
    const timer = setTimeout(() => {
      options.logger.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, options.timeoutMs);
    timer.unref();
    const ended = disconnectUnready();
    if (ended > 0)
      options.logger.warn({ connections: ended }, 'closed Redis connections that were not connected');
    await options.stop();
    process.exit(code);
  };
  installProcessGuards(options.logger);
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return shutdown;
}

/**
 * Process-level safety net: an exception or rejection nobody caught (a bug in one handler, a library
 * throwing inside its event loop) is logged as one JSON error line with its stack, and the process
 * keeps serving: every request path already catches its own errors, so what reaches here concerns one
 * event, and exiting would drop every platform and every plan in hand. Returns a function that removes
 * the guards (tests).
 */
export function installProcessGuards(logger: Logger): () => void {
  const log = (kind: string) => (reason: unknown) => {
    const stack = reason instanceof Error ? reason.stack : undefined;
    logger.error({ kind, error: describeError(reason), stack }, `${kind}; the process keeps serving`);
  };
  const onException = log('uncaught exception');
  const onRejection = log('unhandled rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
