import { notice, renderTopics } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { type SlashCommand, slashCommand } from './command';

/** `/topics [category]`: the knowledge tree, optionally narrowed to a category. */
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
    const reply = core.topics(interaction.options.getString('category') ?? '');
    if (reply.type === 'topics') await respond.send(renderTopics(reply.topics, reply.total, reply.filter));
    else if (reply.type === 'error') await respond.fail(notice(reply.message));
  },

  async autocomplete(interaction, { core }) {
    return core.suggestCategories(interaction.options.getFocused(), LIMITS.choices).map((s) => ({
      name: truncate(s.name, LIMITS.choiceName),
      value: truncate(s.value, LIMITS.choiceValue),
    }));
  },
};
