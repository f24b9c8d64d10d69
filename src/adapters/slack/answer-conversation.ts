import type { webApi } from '@slack/bolt';
import type { CoreReply, IncomingMessage } from '../../core/conversation/message';
import { describeError, isBotError } from '../../core/errors';
import { sendCalendar } from './checkins/send-calendar';
import { slackTarget } from './delivery-target';
import { type SlackDeps, SORRY, slackUser } from './deps';
import type { SlackMessage } from './render/message';
import { renderError, renderReply } from './render/reply-message';
import { postMessages, sendEphemeral } from './reply-channel';

/** A message in a conversation that the bot answers. */
export interface ConversationMessage {
  channel: string;
  user: string;
  teamId?: string;
  /** The user's text with Slack markup read back to plain words (the bot's mention removed). */
  text: string;
  /** The thread to answer in; none: the conversation itself (a DM outside threads). */
  replyThreadTs?: string;
  /** `commands`: the text may be `topics`, `help` or `plan ...` (mentions, DMs); `questions`: only asks. */
  accepts: 'commands' | 'questions';
  /** A direct message with the bot, or a channel (public, private, group DM). */
  where: 'dm' | 'channel';
}

/** How commands are typed in a conversation: nothing in a DM, a mention in a channel. */
const prefixFor = (where: ConversationMessage['where']) => (where === 'dm' ? '' : '@mentor ');

/**
 * Who may see a reply in a conversation: everything in a DM; in a channel, answers, lists and an
 * accepted plan request are posted in the thread, anything else about one person (errors, their
 * plan, their progress) goes to them alone.
 */
export function isPublicIn(where: ConversationMessage['where'], reply: CoreReply): boolean {
  if (reply.type === 'error') return false;
  if (where === 'dm') return true;
  if (reply.type === 'answer' || reply.type === 'topic-page' || reply.type === 'help') return true;
  if (reply.type === 'plan-request')
    return reply.result.status === 'queued' || reply.result.status === 'already-queued';
  return false;
}

/** The core's view of a Slack conversation message. */
export function incomingFrom(message: ConversationMessage): IncomingMessage {
  const deliverTo = slackTarget({
    userId: message.user,
    channelId: message.channel,
    ...(message.replyThreadTs ? { threadTs: message.replyThreadTs } : {}),
    ...(message.teamId ? { teamId: message.teamId } : {}),
  });
  const thread = message.replyThreadTs;
  return {
    user: slackUser(message.user),
    where: thread
      ? { kind: 'thread', conversationId: `${message.channel}:${thread}` }
      : { kind: message.where, conversationId: message.channel },
    text: message.text,
    kind: message.where === 'dm' ? 'message' : 'mention',
    deliverTo,
    questionsOnly: message.accepts === 'questions',
  };
}

/**
 * Answers a mention, a DM or a question in an answer channel through the conversation core: what
 * everyone may see goes into the conversation (in the thread), the rest only to the asker
 * (ephemeral). Failures are logged and the asker is told; this never throws.
 */
export async function answerInConversation(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: ConversationMessage,
): Promise<void> {
  const { channel, user, replyThreadTs: threadTs } = message;
  const privately = (messages: SlackMessage[]) =>
    sendEphemeral({ client, channel, user, threadTs, logger: deps.logger }, messages);
  const publicly = (messages: SlackMessage[]) => postMessages(client, channel, threadTs, messages);
  try {
    const replies = await deps.core.receive(incomingFrom(message));
    const options = { commandPrefix: prefixFor(message.where) };
    for (const reply of replies) {
      if (reply.type === 'plan-calendar' && (await sendCalendar(client, user, channel, reply))) continue;
      const messages = renderReply(reply, options);
      if (isPublicIn(message.where, reply)) await publicly(messages);
      else await privately(messages);
    }
  } catch (error) {
    deps.logger.error(
      { error: describeError(error), channel, user, thread: threadTs },
      'slack: answering a message failed',
    );
    await privately(renderError(isBotError(error) ? error.userMessage : SORRY));
  }
}
