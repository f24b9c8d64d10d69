import { type GatewayMessageCreateDispatchData, MessageType, type REST, Routes } from 'discord.js';
import type { IncomingMessage } from '../../../core/conversation/message';
import type { UserRef } from '../../../core/plans/plan-service';
import type { DiscordDeps } from '../commands/command';
import { errorFields, userMessageFor } from '../errors';
import { discordTarget } from '../plans/delivery-target';
import { renderCoreReply } from '../render/core-reply';
import { notice } from '../render/info-messages';
import type { OutgoingMessage } from '../render/outgoing';
import { restMessage } from '../rest-message';

/** What the message handler needs besides the core services. */
export interface MessageHandlerOptions {
  deps: Pick<DiscordDeps, 'core' | 'logger'>;
  rest: REST;
  /** The bot's own user id (known after READY). */
  botId: () => string | undefined;
  /** The application id (plans asked in a message are delivered by DM through it). */
  appId: string;
  /** The /help lines, shown for "help" in a DM or a mention. */
  help: () => OutgoingMessage[];
}

/** True when a message is for the bot: any DM, or a server message that mentions it. */
export function isForBot(message: GatewayMessageCreateDispatchData, botId: string): boolean {
  const { author } = message;
  if (!author || author.bot || author.system || message.webhook_id || author.id === botId) return false;
  // System messages (joins, pins...) are not questions; a payload without a type is treated as a plain one.
  if (
    message.type !== undefined &&
    message.type !== MessageType.Default &&
    message.type !== MessageType.Reply
  ) {
    return false;
  }
  if (!message.guild_id) return true;
  return (
    (message.mentions ?? []).some((user) => user.id === botId) ||
    new RegExp(`<@!?${botId}>`).test(message.content ?? '')
  );
}

/**
 * Answers direct messages, and server messages that mention the bot (as a reply to that message).
 * It reads the raw MESSAGE_CREATE dispatch, so it works whatever discord.js has cached (servers the
 * bot only knows through a user install, DM channels it has not seen yet), and posts through REST.
 * Messages from bots, webhooks and the bot itself are ignored.
 */
export function createMessageHandler(options: MessageHandlerOptions) {
  const { rest, deps } = options;
  return async (message: GatewayMessageCreateDispatchData): Promise<void> => {
    const botId = options.botId();
    if (!botId || !message?.channel_id || !isForBot(message, botId)) return;
    const text = (message.content ?? '').replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
    const user: UserRef = { platform: 'discord', id: message.author.id };
    const reference = message.guild_id
      ? {
          message_reference: {
            message_id: message.id,
            channel_id: message.channel_id,
            fail_if_not_exists: false,
          },
        }
      : {};
    const post = async (out: OutgoingMessage, first: boolean) => {
      const { body, files } = restMessage(out, first ? reference : {});
      await rest.post(Routes.channelMessages(message.channel_id), { body, files });
    };
    // A reply chain is one conversation: its first message names it; otherwise the channel does.
    const chain = message.referenced_message?.message_reference?.message_id ?? message.referenced_message?.id;
    const incoming: IncomingMessage = {
      user,
      where: message.guild_id
        ? {
            kind: chain ? 'thread' : 'channel',
            conversationId: chain ? `${message.channel_id}:${chain}` : message.channel_id,
          }
        : { kind: 'dm', conversationId: message.channel_id },
      text,
      kind: message.guild_id ? 'mention' : 'message',
      deliverTo: discordTarget({ userId: user.id, applicationId: options.appId }),
    };
    try {
      const replies = await deps.core.receive(incoming);
      const messages = replies.flatMap((reply) => renderCoreReply(reply, options.help));
      for (const [i, out] of messages.entries()) await post(out, i === 0);
    } catch (error) {
      deps.logger.error(
        { message: message.id, user: user.id, ...errorFields(error) },
        'discord message failed',
      );
      await post(notice(userMessageFor(error)), true).catch((again: unknown) =>
        deps.logger.error({ message: message.id, ...errorFields(again) }, 'discord error reply failed'),
      );
    }
  };
}
