import { strings } from '../../../../core/conversation/strings';
import { describeError } from '../../../../core/errors';
import { readShareRef } from '../../action-ids';
import { type SlackDeps, SORRY } from '../../deps';
import { renderAnswer } from '../../render/answer-message';
import type { SlackMessage } from '../../render/message';
import { renderError } from '../../render/reply-message';
import { postMessages, sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

const CANNOT_POST =
  "I can't post in this conversation. Invite me with /invite @mentor, or mention me to ask in a thread.";

/**
 * "Share in channel": renders the same answer again for everyone (from the question or topic the
 * button carries) with "Shared by", posts it in the channel, and removes the private copy.
 */
export function shareAnswer(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const ref = readShareRef(args.action.value);
      const reply = ref
        ? deps.core.share({ kind: ref.k === 't' ? 'topic' : 'question', value: ref.v, answerId: ref.a })
        : undefined;
      if (!ref || reply?.type !== 'answer') {
        await sendEphemeral(target, renderError(strings.shareGone));
        return;
      }
      const messages = renderAnswer(reply.answer, { answerId: ref.a, sharedBy: target.user });
      if (await postPublicly(args, target.channel, messages)) {
        if (args.body.response_url) {
          await args.respond({ delete_original: true }).catch((error: unknown) => {
            deps.logger.debug({ error: describeError(error) }, 'slack: could not delete the private answer');
          });
        }
      } else {
        await sendEphemeral(target, renderError(CANNOT_POST));
      }
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack share failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };

  async function postPublicly(args: ButtonArgs, channel: string | undefined, messages: SlackMessage[]) {
    if (args.body.response_url) {
      try {
        for (const m of messages) {
          await args.respond({
            response_type: 'in_channel',
            replace_original: false,
            text: m.text,
            blocks: m.blocks,
          });
        }
        return true;
      } catch (error) {
        deps.logger.warn({ error: describeError(error) }, 'slack share through response_url failed');
      }
    }
    if (!channel) return false;
    try {
      await postMessages(args.client, channel, undefined, messages);
      return true;
    } catch (error) {
      deps.logger.warn({ error: describeError(error), channel }, 'slack share with chat.postMessage failed');
      return false;
    }
  }
}
