import type { App, BlockButtonAction } from '@slack/bolt';
import type { Where } from '../../../../core/conversation/message';
import { describeError } from '../../../../core/errors';
import { type SlackDeps, SORRY, slackUser } from '../../deps';
import { PAGING_ACTIONS, readTopicsPageValue } from '../../paging-ids';
import { renderError, renderReply } from '../../render/reply-message';
import { sendEphemeral } from '../../reply-channel';
import { type ButtonArgs, clickerTarget } from './action-target';

/** The conversation a click belongs to, as the core names it (the thread when there is one). */
function whereOf(target: ReturnType<typeof clickerTarget>): Where {
  if (!target.channel) return { kind: 'dm', conversationId: target.user };
  if (target.threadTs) return { kind: 'thread', conversationId: `${target.channel}:${target.threadTs}` };
  return { kind: target.channel.startsWith('D') ? 'dm' : 'channel', conversationId: target.channel };
}

/**
 * "More" (the next piece of the answer, the same core entry as typing `more`) or Previous / Next
 * under a page of topics; shown to the user who clicked, privately.
 */
function page(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const target = clickerTarget(deps, args);
    try {
      const user = slackUser(target.user);
      const where = whereOf(target);
      const topics = readTopicsPageValue(args.action.value);
      const reply =
        args.action.action_id === PAGING_ACTIONS.more
          ? await deps.core.more(user, where, args.action.value || undefined)
          : await deps.core.topicsPage(user, where, topics?.filter ?? '', topics?.page ?? 0);
      await sendEphemeral(target, renderReply(reply));
    } catch (error) {
      deps.logger.error({ error: describeError(error), user: target.user }, 'slack paging button failed');
      await sendEphemeral(target, renderError(SORRY));
    }
  };
}

/** Registers the paging buttons (acknowledged at once, answered in the background queue). */
export function registerPaging(app: App, deps: SlackDeps): void {
  const handler = page(deps);
  const listener = async (args: ButtonArgs) => {
    await args.ack();
    await deps.background.run(() => handler(args));
  };
  app.action<BlockButtonAction>(PAGING_ACTIONS.more, listener);
  app.action<BlockButtonAction>(PAGING_ACTIONS.topicsPattern, listener);
}
