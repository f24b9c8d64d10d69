import type { webApi } from '@slack/bolt';
import { parseCommand } from '../../core/commands/parse-command';
import { describeError, isBotError } from '../../core/errors';
import { type SlackDeps, SORRY, slackUser } from './deps';
import { planFormHint, runPlanCommand } from './plan-commands';
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
 * Answers a mention, a DM or a question in an answer channel: answers and lists go into the
 * conversation (in the thread), problems go only to the asker (ephemeral). Failures are logged and
 * the asker is told; this never throws.
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
    const command =
      message.accepts === 'questions'
        ? { name: 'ask' as const, args: message.text }
        : message.text === ''
          ? { name: 'help' as const, args: '' }
          : parseCommand(message.text);
    const prefix = prefixFor(message.where);
    const options = { commandPrefix: prefix };
    if (command.name === 'help') {
      await publicly(renderReply(deps.mentor.help(deps.plans?.helpEntries() ?? []), options));
    } else if (command.name === 'topics') {
      await publicly(renderReply(deps.mentor.topics(command.args), options));
    } else if (command.name === 'plan') {
      const outcome = await runPlanCommand(deps.plans, command.args, {
        userId: user,
        teamId: message.teamId,
        channelId: channel,
        threadTs,
        prefix,
        shown: message.where === 'dm' ? 'all' : 'accepted',
      });
      if (outcome.kind === 'form') await privately(planFormHint(prefix));
      else if (outcome.kind === 'public') await publicly(outcome.messages);
      else await privately(outcome.messages);
    } else {
      const { reply, answerId } = await deps.asker.ask(slackUser(user), command.args);
      if (reply.type === 'error') await privately(renderReply(reply));
      else await publicly(renderReply(reply, { ...options, answerId }));
    }
  } catch (error) {
    deps.logger.error(
      { error: describeError(error), channel, user, thread: threadTs },
      'slack: answering a message failed',
    );
    await privately(renderError(isBotError(error) ? error.userMessage : SORRY));
  }
}
