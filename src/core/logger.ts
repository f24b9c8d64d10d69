/**
 * The logging the core needs, shaped like pino's API so the composition root can pass a pino logger
 * (or a child of one) straight in. Tests pass {@link silentLogger} or a recording double.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
