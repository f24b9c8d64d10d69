import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { type DiscordDeps, discordUser, discordWhere } from '../commands/command';
import { renderCoreReply } from '../render/core-reply';
import { parsePagingId } from './paging-ids';
import type { Responder } from './responder';

/** True for the paging buttons (More, Previous / Next), which this handler answers. */
export function isPagingButton(interaction: ButtonInteraction): boolean {
  return parsePagingId(interaction.customId) !== undefined;
}

/** A page is shown like the message it continues: privately under a private one. */
export function pagingIsEphemeral(interaction: ButtonInteraction): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * "More" under a cut answer (its next piece, the same core entry as typing `more`) or Previous /
 * Next under a page of topics (that page, through the core).
 */
export async function handlePagingButton(
  interaction: ButtonInteraction,
  respond: Responder,
  deps: DiscordDeps,
): Promise<void> {
  const action = parsePagingId(interaction.customId);
  if (!action) return;
  const user = discordUser(interaction);
  const where = discordWhere(interaction);
  const reply =
    action.kind === 'more'
      ? await deps.core.more(user, where, action.key)
      : await deps.core.topicsPage(user, where, action.filter ?? '', action.page);
  await respond.send(renderCoreReply(reply, () => []));
}
