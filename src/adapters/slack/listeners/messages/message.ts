import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../answer-conversation';
import type { SlackDeps } from '../../deps';
import { readsAsQuestion } from '../../reads-as-question';
import { mentionsUser, readSlackText } from '../../render/escape';

/** Message subtypes that are still a person writing (others: edits, joins, bots, ...). */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** The fields of a message event we read (Slack's union of message subtypes, narrowed by hand). */
interface MessageFields {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  team?: string;
}

/**
 * A message: in a DM with the bot it is answered there (in the thread when inside one); in a channel
 * listed in SLACK_ANSWER_CHANNELS every question is answered in its thread; elsewhere only messages
 * that mention the bot. Bots, the bot itself, edits and joins are ignored.
 */
export function message(deps: SlackDeps) {
  return async ({ event, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const m = event as unknown as MessageFields;
    if (!PERSON_SUBTYPES.has(m.subtype) || m.bot_id || !m.user || m.user === context.botUserId) return;
    const raw = m.text ?? '';
    if (raw.trim() === '') return;
    const text = readSlackText(raw, context.botUserId);
    const base = { channel: m.channel, user: m.user, teamId: m.team ?? context.teamId, text };
    const claim = () => deps.dedupe.claim(`msg:${m.channel}:${m.ts}`);
    if (m.channel_type === 'im' || (m.channel_type === undefined && m.channel.startsWith('D'))) {
      if (!(await claim())) return;
      await deps.background.run(() =>
        answerInConversation(deps, client, {
          ...base,
          replyThreadTs: m.thread_ts,
          accepts: 'commands',
          where: 'dm',
        }),
      );
      return;
    }
    const mentioned = mentionsUser(raw, context.botUserId);
    const listed = deps.answerChannels.has(m.channel);
    if (!mentioned && !(listed && readsAsQuestion(text))) return;
    if (!(await claim())) return;
    await deps.background.run(() =>
      answerInConversation(deps, client, {
        ...base,
        replyThreadTs: m.thread_ts ?? m.ts,
        accepts: mentioned ? 'commands' : 'questions',
        where: 'channel',
      }),
    );
  };
}
