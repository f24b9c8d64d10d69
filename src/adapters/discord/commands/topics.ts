import { notice, renderTopicPage } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { discordUser, discordWhere, type SlashCommand, slashCommand } from './command';

/** `/topics [category]`: the first page of topics (grouped, with page buttons), optionally filtered. */
export const topicsCommand: SlashCommand = {
  data: slashCommand('topics', 'List the topics I know').addStringOption((option) =>
    option
      .setName('category')
      .setDescription('Only topics in or matching this category, e.g. "databases"')
      .setMaxLength(100)
      .setAutocomplete(true),
  ),
  ephemeral: true,

  async execute(interaction, respond, { core }) {
    const filter = interaction.options.getString('category') ?? '';
    const reply = await core.topicsPage(discordUser(interaction), discordWhere(interaction), filter);
    if (reply.type === 'topic-page') await respond.send(renderTopicPage(reply.page));
    else if (reply.type === 'error') await respond.fail(notice(reply.message));
  },

  async autocomplete(interaction, { core }) {
    return core.suggestCategories(interaction.options.getFocused(), LIMITS.choices).map((s) => ({
      name: truncate(s.name, LIMITS.choiceName),
      value: truncate(s.value, LIMITS.choiceValue),
    }));
  },
};
