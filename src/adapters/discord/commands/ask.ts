import { MAX_QUESTION_LENGTH } from '../../../core/commands/validate-input';
import { renderAnswer } from '../render/answer-messages';
import { notice } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { discordUser, type SlashCommand, slashCommand } from './command';

/** `/ask question`: an answer from the knowledge, with topic suggestions while typing. */
export const askCommand: SlashCommand = {
  data: slashCommand('ask', 'Ask a backend-engineering career question').addStringOption((option) =>
    option
      .setName('question')
      .setDescription('Your question, e.g. "What does a backend engineer do?"')
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH)
      .setAutocomplete(true),
  ),
  ephemeral: false,

  async execute(interaction, respond, { asker }) {
    const question = interaction.options.getString('question') ?? '';
    const { reply, answerId } = await asker.ask(discordUser(interaction), question);
    if (reply.type === 'answer') await respond.send(renderAnswer(reply.answer, answerId));
    else if (reply.type === 'error') await respond.fail(notice(reply.message));
  },

  async autocomplete(interaction, { mentor }) {
    const typed = interaction.options.getFocused().replace(/\s+/g, ' ').trim();
    const choices = mentor.suggest(typed, LIMITS.choices).map((s) => ({
      name: truncate(s.title, LIMITS.choiceName),
      value: truncate(s.title, LIMITS.choiceValue),
    }));
    // What the user typed stays the first choice, so picking a suggestion is never forced.
    const own = typed.length > 0 && typed.length <= LIMITS.choiceValue ? [{ name: typed, value: typed }] : [];
    const seen = new Set(own.map((c) => c.value.toLowerCase()));
    return [...own, ...choices.filter((c) => !seen.has(c.value.toLowerCase()))].slice(0, LIMITS.choices);
  },
};
