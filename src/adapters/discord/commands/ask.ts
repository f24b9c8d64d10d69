import { MAX_QUESTION_LENGTH } from '../../../core/commands/validate-input';
import { renderAnswer } from '../render/answer-messages';
import { notice } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { discordUser, discordWhere, type SlashCommand, slashCommand } from './command';

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

  async execute(interaction, respond, { core }) {
    const question = interaction.options.getString('question') ?? '';
    const reply = await core.ask({
      user: discordUser(interaction),
      where: discordWhere(interaction),
      text: question,
    });
    if (reply.type === 'answer') await respond.send(renderAnswer(reply.answer, reply.answerId));
    else if (reply.type === 'error') await respond.fail(notice(reply.message));
  },

  async autocomplete(interaction, { core }) {
    // What the user typed stays the first choice, so picking a suggestion is never forced.
    return core.suggestQuestions(interaction.options.getFocused(), LIMITS.choices).map((s) => ({
      name: truncate(s.name, LIMITS.choiceName),
      value: truncate(s.value, LIMITS.choiceValue),
    }));
  },
};
