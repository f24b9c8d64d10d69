import type { TopicNode } from '../../../core/commands/reply';
import { notice, renderTopics } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { type SlashCommand, slashCommand } from './command';

function categoryTitles(nodes: TopicNode[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'item' ? [] : [n.title, ...categoryTitles(n.children)]));
}

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

  async execute(interaction, respond, { mentor }) {
    const reply = mentor.topics(interaction.options.getString('category') ?? '');
    if (reply.type === 'topics') await respond.send(renderTopics(reply.topics, reply.total, reply.filter));
    else if (reply.type === 'error') await respond.fail(notice(reply.message));
  },

  async autocomplete(interaction, { mentor }) {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const reply = mentor.topics();
    if (reply.type !== 'topics') return [];
    const titles = [...new Set(categoryTitles(reply.topics))];
    return titles
      .filter((t) => t.toLowerCase().includes(typed))
      .sort((a, b) => Number(!a.toLowerCase().startsWith(typed)) - Number(!b.toLowerCase().startsWith(typed)))
      .slice(0, LIMITS.choices)
      .map((t) => ({ name: truncate(t, LIMITS.choiceName), value: truncate(t, LIMITS.choiceValue) }));
  },
};
