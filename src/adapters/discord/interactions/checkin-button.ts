import type { ButtonInteraction } from 'discord.js';
import { type DiscordDeps, discordUser } from '../commands/command';
import { discordTarget } from '../plans/delivery-target';
import { renderCoreReply } from '../render/core-reply';
import type { Responder } from './responder';

/**
 * A click on a check-in's button (`checkin:...` custom ids): tick a topic, push the plan back, stop
 * check-ins, or a lighter plan, through the core; answered privately. A lighter plan is delivered
 * by DM (a check-in has no interaction of its own to edit).
 */
export async function handleCheckinButton(
  interaction: ButtonInteraction,
  respond: Responder,
  deps: DiscordDeps,
): Promise<void> {
  const target = discordTarget({
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
    applicationId: interaction.applicationId,
  });
  const reply = await deps.core.checkinAction(discordUser(interaction), interaction.customId, target);
  await respond.send(renderCoreReply(reply, () => []));
}
