/**
 * An error the bot can explain to a user: a stable `id` for logs, tests and metrics, and a short
 * `userMessage` that is safe to show on any platform (it never contains secrets or stack traces).
 */
export class BotError extends Error {
  readonly id: string;
  readonly userMessage: string;

  constructor(id: string, userMessage: string, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail ? `${id}: ${options.detail}` : `${id}: ${userMessage}`, { cause: options?.cause });
    this.name = 'BotError';
    this.id = id;
    this.userMessage = userMessage;
  }
}

/** True when `error` is a {@link BotError}, optionally with the given id. */
export function isBotError(error: unknown, id?: string): error is BotError {
  return error instanceof BotError && (id === undefined || error.id === id);
}

/** A message for any thrown value, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
