import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../../core/commands/parse-command';
import { describeError, isBotError } from '../../../../core/errors';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { runPlanCommand } from '../../plan-commands';
import { planModal } from '../../plan-modal';
import { readSlackText } from '../../render/escape';
import { renderError, renderReply } from '../../render/reply-message';
import { type EphemeralTarget, sendEphemeral } from '../../reply-channel';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

const PREFIX = '/mentor ';
const FORM_HELP = { command: 'plan', args: '', description: 'Open a form to ask for a study plan.' };

/**
 * `/mentor <question>`, `/mentor topics [filter]`, `/mentor plan ...`, `/mentor help`: acknowledged
 * at once, then answered privately (with a "Share in channel" button on answers). `/mentor plan`
 * alone opens the study-plan form right away (its trigger expires in 3 s); the rest runs in the
 * background queue, after other pending acks.
 */
export function mentorCommand(deps: SlackDeps) {
  return async (args: CommandArgs) => {
    await args.ack();
    const text = readSlackText(args.command.text ?? '');
    const parsed = text === '' ? { name: 'help' as const, args: '' } : parseCommand(text);
    if (parsed.name === 'plan' && parsed.args === '' && deps.plans) {
      await run(deps, args, () => openPlanForm(args));
    } else {
      await deps.background.run(() => run(deps, args, (target) => answer(deps, args, parsed, target)));
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

async function answer(
  deps: SlackDeps,
  args: CommandArgs,
  parsed: ReturnType<typeof parseCommand>,
  target: EphemeralTarget,
): Promise<void> {
  const { command } = args;
  const user = command.user_id;
  if (parsed.name === 'help') {
    const extra = deps.plans ? [FORM_HELP, ...deps.plans.helpEntries()] : [];
    await sendEphemeral(target, renderReply(deps.mentor.help(extra), { commandPrefix: PREFIX }));
  } else if (parsed.name === 'topics') {
    await sendEphemeral(target, renderReply(deps.mentor.topics(parsed.args), { commandPrefix: PREFIX }));
  } else if (parsed.name === 'plan') {
    const inDm = command.channel_id.startsWith('D');
    const outcome = await runPlanCommand(deps.plans, parsed.args, {
      userId: user,
      teamId: command.team_id,
      channelId: inDm ? command.channel_id : undefined,
      prefix: PREFIX,
      shown: 'none',
    });
    if (outcome.kind === 'form') await openPlanForm(args);
    else await sendEphemeral(target, outcome.messages);
  } else {
    const { reply, answerId } = await deps.asker.ask(slackUser(user), parsed.args);
    const share =
      reply.type === 'answer' ? { k: 'q' as const, v: reply.answer.question, a: answerId } : undefined;
    await sendEphemeral(target, renderReply(reply, { commandPrefix: PREFIX, answerId, share }));
  }
}
