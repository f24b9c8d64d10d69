import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { type DiscordDeps, discordUser, discordWhere } from '../commands/command';
import { renderAnswer } from '../render/answer-messages';
import { notice } from '../render/info-messages';
import { parseButtonId } from './custom-ids';
import type { Responder } from './responder';

/** How a button's response is shown: feedback thanks privately; a topic like the message it is under. */
export function buttonIsEphemeral(interaction: ButtonInteraction): boolean {
  const action = parseButtonId(interaction.customId);
  if (action?.kind !== 'topic') return true;
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/** A click on a related-topic button (answers that topic) or a feedback button (records it, thanks). */
export async function handleButton(
  interaction: ButtonInteraction,
  respond: Responder,
  deps: DiscordDeps,
): Promise<void> {
  const action = parseButtonId(interaction.customId);
  const user = discordUser(interaction);
  if (!action) {
    await respond.fail(notice('This button no longer works. Try /ask instead.'));
    return;
  }
  if (action.kind === 'topic') {
    const reply = await deps.core.topic(user, discordWhere(interaction), action.key);
    if (reply.type === 'answer') await respond.send(renderAnswer(reply.answer, reply.answerId));
    else await respond.fail(notice(reply.type === 'error' ? reply.message : 'I cannot show that topic.'));
    return;
  }
  const reply = await deps.core.feedback(user, action.answerId, action.helpful);
  await respond.send([notice(reply.type === 'notice' ? reply.message : '')]);
}
