import { DiscordAPIError, HTTPError } from 'discord.js';
import { describeError, isBotError } from '../../core/errors';

/** What the user reads when something unexpected fails. */
export const GENERIC_FAILURE = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Interaction and webhook tokens appear in REST paths: they never reach a log line. */
export function scrubTokens(text: string): string {
  return text
    .replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/?\s]+/g, '$1[token]')
    .replace(/\bBot\s+[\w.-]{20,}/g, 'Bot [redacted]');
}

/** Log fields for an error: message, Discord's code and status, the route (without tokens). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return {
      error: scrubTokens(error.message),
      code: error.code,
      status: error.status,
      route: `${error.method.toUpperCase()} ${scrubTokens(new URL(error.url).pathname)}`,
    };
  }
  if (error instanceof HTTPError) {
    return { error: scrubTokens(error.message), status: error.status, route: scrubTokens(error.url) };
  }
  return { error: scrubTokens(describeError(error)) };
}

/** The message to show for a failure: a BotError's own message, otherwise a generic apology. */
export function userMessageFor(error: unknown): string {
  return isBotError(error) ? error.userMessage : GENERIC_FAILURE;
}
