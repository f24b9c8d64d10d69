import type { ChatInputCommandInteraction } from 'discord.js';
import { strings } from '../../../core/conversation/strings';
import { LEVELS, PLAN_LIMITS } from '../../../core/plans/validate-plan-request';
import type { Responder } from '../interactions/responder';
import { discordTarget } from '../plans/delivery-target';
import { renderCoreReply } from '../render/core-reply';
import { defuseMentions, notice } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { type CommandContext, discordUser, discordWhere, type SlashCommand, slashCommand } from './command';
import { addCompanionSubcommands, runCompanionSubcommand } from './plan-companion';

/** Bounds Discord enforces in its own UI: the core's (the plan service checks again). */
const { weeks: WEEKS, hoursPerWeek: HOURS } = PLAN_LIMITS;

const data = addCompanionSubcommands(
  slashCommand('plan', 'Your backend study plan')
    .addSubcommand((sub) =>
      sub
        .setName('new')
        .setDescription('Request a week-by-week study plan (delivered here or by DM)')
        .addStringOption((o) =>
          o
            .setName('stack')
            .setDescription('Target stack, e.g. "python django postgres docker"')
            .setRequired(true)
            .setMaxLength(PLAN_LIMITS.stackChars),
        )
        .addIntegerOption((o) =>
          o
            .setName('weeks')
            .setDescription(`How many weeks (default ${WEEKS.default})`)
            .setMinValue(WEEKS.min)
            .setMaxValue(WEEKS.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('hours')
            .setDescription(`Hours per week (default ${HOURS.default})`)
            .setMinValue(HOURS.min)
            .setMaxValue(HOURS.max),
        )
        .addStringOption((o) =>
          o
            .setName('known')
            .setDescription('Skills you already have, comma-separated (skipped)')
            .setMaxLength(300),
        )
        .addStringOption((o) =>
          o
            .setName('level')
            .setDescription('Your level (scales the hours per topic)')
            .addChoices(...Object.keys(LEVELS).map((level) => ({ name: level, value: level }))),
        ),
    )
    .addSubcommand((sub) => sub.setName('show').setDescription('Show your latest study plan and progress'))
    .addSubcommand((sub) =>
      sub
        .setName('done')
        .setDescription('Mark a topic of your plan as done')
        .addStringOption((o) =>
          o
            .setName('topic')
            .setDescription('The topic you finished')
            .setRequired(true)
            .setMaxLength(200)
            .setAutocomplete(true),
        ),
    ),
);

async function planNew(interaction: ChatInputCommandInteraction, respond: Responder, ctx: CommandContext) {
  await respond.defer();
  const target = discordTarget({
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
    applicationId: interaction.applicationId || ctx.appId,
    interactionId: interaction.id,
    interactionAt: interaction.createdTimestamp,
  });
  const input = {
    stack: interaction.options.getString('stack') ?? undefined,
    weeks: interaction.options.getInteger('weeks') ?? undefined,
    hoursPerWeek: interaction.options.getInteger('hours') ?? undefined,
    known: interaction.options.getString('known') ?? undefined,
    level: interaction.options.getString('level') ?? undefined,
  };
  const reply = await ctx.core.requestPlan(
    discordUser(interaction),
    input,
    target,
    discordWhere(interaction),
  );
  await respond.send(renderCoreReply(reply, () => []));
  if (reply.type !== 'plan-request' || reply.result.status !== 'queued') return;
  // Stored only after the status edit above, so the worker's edit of the same message always comes later.
  await ctx.tokens.put(interaction.id, interaction.token).catch((error: unknown) => {
    ctx.logger.warn(
      { error: String(error), interaction: interaction.id },
      'could not store the interaction token; the plan will come by DM',
    );
  });
}

/** `/plan new|show|done`: study plans through the plan service (queued, delivered by the worker). */
export const planCommand: SlashCommand = {
  data,
  ephemeral: true,

  async execute(interaction, respond, ctx) {
    if (!ctx.core.plansAvailable) {
      await respond.fail(notice(strings.plansUnavailable));
      return;
    }
    const user = discordUser(interaction);
    const sub = interaction.options.getSubcommand(false);
    if (sub === 'new') return planNew(interaction, respond, ctx);
    if (sub === 'show') {
      await respond.send(renderCoreReply(await ctx.core.showPlan(user), () => []));
      return;
    }
    if (sub === 'done') {
      const topic = interaction.options.getString('topic') ?? '';
      await respond.send(renderCoreReply(await ctx.core.markDone(user, topic), () => []));
      return;
    }
    if (await runCompanionSubcommand(sub, interaction, respond, ctx)) return;
    await respond.fail(notice('Use /plan new, /plan show or /plan done.'));
  },

  async autocomplete(interaction, ctx) {
    if (interaction.options.getSubcommand(false) !== 'done') return [];
    const topics = await ctx.core.suggestPlanTopics(
      discordUser(interaction),
      interaction.options.getFocused(),
      LIMITS.choices,
    );
    return topics.map((t) => ({
      name: truncate(defuseMentions(t.name), LIMITS.choiceName),
      value:
        t.value.length <= LIMITS.choiceValue
          ? t.value
          : truncate(t.name.replace(/^✓ /, ''), LIMITS.choiceValue),
    }));
  },
};
