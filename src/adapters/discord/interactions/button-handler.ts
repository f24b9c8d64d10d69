import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { strings } from '../../../core/conversation/strings';
import { type DiscordDeps, discordUser, discordWhere } from '../commands/command';
import { discordTarget } from '../plans/delivery-target';
import { renderAnswer } from '../render/answer-messages';
import { renderCoreReply } from '../render/core-reply';
import { notice } from '../render/info-messages';
import { parseButtonId } from './custom-ids';
import type { Responder } from './responder';

/** How a button's response is shown: feedback thanks privately; a topic like the message it is under. */
export function buttonIsEphemeral(interaction: ButtonInteraction): boolean {
  const action = parseButtonId(interaction.customId);
  if (action?.kind !== 'topic') return true;
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * "Plan this": a plan for the answer's technology through the core, delivered like `/plan new` (the
 * private reply is edited when the plan is ready; the token is stored after the status edit).
 */
async function planThis(
  interaction: ButtonInteraction,
  respond: Responder,
  deps: DiscordDeps,
  topicId: string,
): Promise<void> {
  if (!deps.core.plansAvailable) {
    await respond.fail(notice(strings.plansUnavailable));
    return;
  }
  await respond.defer();
  const target = discordTarget({
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
    applicationId: interaction.applicationId,
    interactionId: interaction.id,
    interactionAt: interaction.createdTimestamp,
  });
  const reply = await deps.core.planTopic(
    discordUser(interaction),
    discordWhere(interaction),
    topicId,
    target,
  );
  await respond.send(renderCoreReply(reply, () => []));
  if (reply.type !== 'plan-request' || reply.result.status !== 'queued') return;
  await deps.tokens.put(interaction.id, interaction.token).catch((error: unknown) => {
    deps.logger.warn(
      { error: String(error), interaction: interaction.id },
      'could not store the interaction token; the plan will come by DM',
    );
  });
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
  if (action.kind === 'plan') {
    await planThis(interaction, respond, deps, action.topicId);
    return;
  }
  const reply = await deps.core.feedback(user, action.answerId, action.helpful);
  await respond.send([notice(reply.type === 'notice' ? reply.message : '')]);
}
