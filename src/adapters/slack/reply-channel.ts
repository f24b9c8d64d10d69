import type { RespondFn, webApi } from '@slack/bolt';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { SlackMessage } from './render/message';

/** Where and how to answer one user privately. */
export interface EphemeralTarget {
  client: webApi.WebClient;
  /** From a slash command or a button: Slack's `response_url`, which works in any conversation. */
  respond?: RespondFn;
  channel?: string;
  user: string;
  threadTs?: string;
  logger: Logger;
  /** For buttons: post a new message rather than replacing the one clicked. */
  keepOriginal?: boolean;
}

/**
 * Sends messages only the user sees: through `response_url` when there is one (it works in DMs and
 * private channels the bot is not in), else, or when that fails, with `chat.postEphemeral`. A
 * failure of both is logged; it never throws.
 */
export async function sendEphemeral(target: EphemeralTarget, messages: SlackMessage[]): Promise<boolean> {
  for (const message of messages) {
    if (!(await sendOne(target, message))) return false;
  }
  return true;
}

async function sendOne(target: EphemeralTarget, message: SlackMessage): Promise<boolean> {
  if (target.respond) {
    try {
      await target.respond({
        response_type: 'ephemeral',
        ...(target.keepOriginal ? { replace_original: false } : {}),
        // A button pressed on a message in a thread answers in that thread.
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
      });
      return true;
    } catch (error) {
      target.logger.warn(
        { error: describeError(error) },
        'slack response_url failed; trying chat.postEphemeral',
      );
    }
  }
  if (!target.channel) {
    target.logger.error({ user: target.user }, 'slack: no way left to answer the user');
    return false;
  }
  try {
    await target.client.chat.postEphemeral({
      channel: target.channel,
      user: target.user,
      text: message.text,
      blocks: message.blocks,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    });
    return true;
  } catch (error) {
    target.logger.error(
      { error: describeError(error), channel: target.channel },
      'slack chat.postEphemeral failed; the user got no answer',
    );
    return false;
  }
}

/** Posts messages in a conversation (in a thread when `threadTs` is set), one after another. */
export async function postMessages(
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
  messages: SlackMessage[],
): Promise<void> {
  for (const message of messages) {
    await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
}
