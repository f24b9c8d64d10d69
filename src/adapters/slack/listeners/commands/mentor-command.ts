import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../../core/commands/parse-command';
import { describeError, isBotError } from '../../../../core/errors';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { runPlanCommand } from '../../plan-commands';
import { planModal } from '../../plan-modal';
import { readSlackText } from '../../render/escape';
import { renderError, renderReply } from '../../render/reply-message';
import { type EphemeralTarget, sendEphemeral } from '../../reply-channel';

const PREFIX = '/mentor ';
const FORM_HELP = { command: 'plan', args: '', description: 'Open a form to ask for a study plan.' };

/**
 * `/mentor <question>`, `/mentor topics [filter]`, `/mentor plan ...`, `/mentor help`: acknowledged
 * at once, then answered privately (with a "Share in channel" button on answers). `/mentor plan`
 * alone opens the study-plan form.
 */
export function mentorCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const user = command.user_id;
    const target: EphemeralTarget = {
      client,
      respond,
      channel: command.channel_id,
      user,
      logger: deps.logger,
    };
    try {
      const text = readSlackText(command.text ?? '');
      const parsed = text === '' ? { name: 'help' as const, args: '' } : parseCommand(text);
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
        if (outcome.kind === 'form') {
          await client.views.open({
            trigger_id: command.trigger_id,
            view: planModal(inDm ? { channelId: command.channel_id } : {}),
          });
        } else {
          await sendEphemeral(target, outcome.messages);
        }
      } else {
        const { reply, answerId } = await deps.asker.ask(slackUser(user), parsed.args);
        const share =
          reply.type === 'answer' ? { k: 'q' as const, v: reply.answer.question, a: answerId } : undefined;
        await sendEphemeral(target, renderReply(reply, { commandPrefix: PREFIX, answerId, share }));
      }
    } catch (error) {
      deps.logger.error(
        { error: describeError(error), user, channel: command.channel_id },
        'slack /mentor failed',
      );
      await sendEphemeral(target, renderError(isBotError(error) ? error.userMessage : SORRY));
    }
  };
}
