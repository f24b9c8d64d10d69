import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CoreReply } from '../../../../core/conversation/message';
import { describeError, isBotError } from '../../../../core/errors';
import { sendCalendar } from '../../checkins/send-calendar';
import { slackTarget } from '../../delivery-target';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { planModal } from '../../plan-modal';
import { readSlackText } from '../../render/escape';
import { renderError, renderReply } from '../../render/reply-message';
import { type EphemeralTarget, sendEphemeral } from '../../reply-channel';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

const PREFIX = '/mentor ';
const FORM_HELP = { command: 'plan', args: '', description: 'Open a form to ask for a study plan.' };

/**
 * `/mentor <text>`: acknowledged at once, then handed to the conversation core as a slash command
 * and answered privately (with a "Share in channel" button on answers). `/mentor plan` alone opens
 * the study-plan form right away (its trigger expires in 3 s); the rest runs in the background
 * queue, after other pending acks.
 */
export function mentorCommand(deps: SlackDeps) {
  return async (args: CommandArgs) => {
    await args.ack();
    const text = readSlackText(args.command.text ?? '');
    if (/^\/?plan$/i.test(text.trim()) && deps.core.plansAvailable) {
      await run(deps, args, () => openPlanForm(args));
    } else {
      await deps.background.run(() => run(deps, args, (target) => answer(deps, args, text, target)));
    }
  };
}

/** Runs one command's work; a failure is logged and the user told privately. */
async function run(
  deps: SlackDeps,
  { command, respond, client }: CommandArgs,
  work: (target: EphemeralTarget) => Promise<void>,
) {
  const target: EphemeralTarget = {
    client,
    respond,
    channel: command.channel_id,
    user: command.user_id,
    logger: deps.logger,
  };
  try {
    await work(target);
  } catch (error) {
    deps.logger.error(
      { error: describeError(error), user: command.user_id, channel: command.channel_id },
      'slack /mentor failed',
    );
    await sendEphemeral(target, renderError(isBotError(error) ? error.userMessage : SORRY));
  }
}

/** The study-plan form; plans asked from a DM are delivered there, others by DM. */
async function openPlanForm({ command, client }: CommandArgs): Promise<void> {
  const inDm = command.channel_id.startsWith('D');
  await client.views.open({
    trigger_id: command.trigger_id,
    view: planModal(inDm ? { channelId: command.channel_id } : {}),
  });
}

async function answer(deps: SlackDeps, args: CommandArgs, text: string, target: EphemeralTarget) {
  const { command } = args;
  const inDm = command.channel_id.startsWith('D');
  // A plan asked with the slash command comes in the DM it was asked from, else by DM.
  const deliverTo = slackTarget({
    userId: command.user_id,
    ...(inDm ? { channelId: command.channel_id } : {}),
    ...(command.team_id ? { teamId: command.team_id } : {}),
  });
  const replies = await deps.core.receive({
    user: slackUser(command.user_id),
    where: { kind: inDm ? 'dm' : 'channel', conversationId: command.channel_id },
    text,
    kind: 'slash-command',
    deliverTo,
  });
  for (const reply of replies) {
    if (reply.type === 'plan-form') {
      await openPlanForm(args);
      continue;
    }
    if (reply.type === 'plan-calendar')
      await sendCalendar(args.client, command.user_id, command.channel_id, reply);
    await sendEphemeral(target, render(deps, reply));
  }
}

function render(deps: SlackDeps, reply: CoreReply) {
  if (reply.type === 'help' && deps.core.plansAvailable) {
    const commands = [...reply.commands];
    const plan = commands.findIndex((c) => c.command === 'plan');
    commands.splice(plan < 0 ? commands.length : plan, 0, FORM_HELP);
    return renderReply({ ...reply, commands }, { commandPrefix: PREFIX });
  }
  const share =
    reply.type === 'answer' ? { k: 'q' as const, v: reply.answer.question, a: reply.answerId } : undefined;
  return renderReply(reply, { commandPrefix: PREFIX, share });
}
