import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger';

/** Bolt / Web API log level for one of our level names. */
export function slackLogLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

const text = (parts: unknown[]) =>
  parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
    .join(' ');

/** Routes Bolt's and the Web API's logging into the project's logger (so secrets are scrubbed there too). */
export function toSlackLogger(logger: Logger, level: LogLevel, name = 'slack'): SlackLogger {
  let current = level;
  let label = name;
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (l: LogLevel) => order.indexOf(l) >= order.indexOf(current);
  return {
    debug: (...parts: unknown[]) => on(LogLevel.DEBUG) && logger.debug({ lib: label }, text(parts)),
    info: (...parts: unknown[]) => on(LogLevel.INFO) && logger.info({ lib: label }, text(parts)),
    warn: (...parts: unknown[]) => on(LogLevel.WARN) && logger.warn({ lib: label }, text(parts)),
    error: (...parts: unknown[]) => on(LogLevel.ERROR) && logger.error({ lib: label }, text(parts)),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      label = n;
    },
  };
}
