import type { ChatInputCommandInteraction } from 'discord.js';
import type { DeliveryTarget, PlanRequestResult } from '../../../core/plans/plan-service';
import { LEVELS, PLAN_LIMITS } from '../../../core/plans/validate-plan-request';
import type { Responder } from '../interactions/responder';
import { defuseMentions, notice } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { renderPlan } from '../render/plan-messages';
import { type CommandContext, discordUser, type SlashCommand, slashCommand } from './command';

/** Bounds Discord enforces in its own UI: the core's (the plan service checks again). */
const { weeks: WEEKS, hoursPerWeek: HOURS } = PLAN_LIMITS;

const data = slashCommand('plan', 'Your backend study plan')
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
  );

/** What the user sees after asking for a plan: the service's message, and where the plan will come. */
export function requestMessage(result: PlanRequestResult): string {
  if (result.status === 'queued' || result.status === 'already-queued') {
    return `${result.message}\nI'll post the plan here when it's ready, or send it to you by DM if that takes longer than 15 minutes.`;
  }
  if (result.status === 'invalid') {
    const missing = result.errors.filter((e) => !result.message.includes(e.message));
    return [result.message, ...missing.map((e) => `- ${e.message}`)].join('\n');
  }
  return result.message;
}

async function planNew(interaction: ChatInputCommandInteraction, respond: Responder, ctx: CommandContext) {
  const plans = ctx.plans!;
  await respond.defer();
  const target: DeliveryTarget = {
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
    applicationId: interaction.applicationId || ctx.appId,
    interactionId: interaction.id,
    interactionAt: interaction.createdTimestamp,
  };
  const input = {
    stack: interaction.options.getString('stack') ?? undefined,
    weeks: interaction.options.getInteger('weeks') ?? undefined,
    hoursPerWeek: interaction.options.getInteger('hours') ?? undefined,
    known: interaction.options.getString('known') ?? undefined,
    level: interaction.options.getString('level') ?? undefined,
  };
  const result = await plans.request(discordUser(interaction), input, target);
  await respond.send([notice(requestMessage(result))]);
  if (result.status !== 'queued') return;
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
    if (!ctx.plans) {
      await respond.fail(notice('Study plans are not available on this bot.'));
      return;
    }
    const user = discordUser(interaction);
    const sub = interaction.options.getSubcommand(false);
    if (sub === 'new') return planNew(interaction, respond, ctx);
    if (sub === 'show') {
      const plan = await ctx.plans.show(user);
      if (!plan) {
        await respond.send([notice('You have no study plan yet. Ask for one with /plan new.')]);
        return;
      }
      await respond.send(renderPlan(plan, { attach: true }));
      return;
    }
    if (sub === 'done') {
      const result = await ctx.plans.markDone(user, interaction.options.getString('topic') ?? '');
      if (result.status === 'no-plan') {
        await respond.send([notice('You have no study plan yet. Ask for one with /plan new.')]);
        return;
      }
      const suggestions =
        result.status !== 'done' && result.suggestions?.length && !/did you mean/i.test(result.message)
          ? `\nDid you mean: ${result.suggestions.map((s) => s.title).join(', ')}?`
          : '';
      await respond.send([notice(`${result.message}${suggestions}`)]);
      return;
    }
    await respond.fail(notice('Use /plan new, /plan show or /plan done.'));
  },

  async autocomplete(interaction, ctx) {
    if (!ctx.plans || interaction.options.getSubcommand(false) !== 'done') return [];
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const topics = await ctx.plans.topicsOf(discordUser(interaction));
    return topics
      .filter((t) => t.title.toLowerCase().includes(typed))
      .sort((a, b) => Number(a.done) - Number(b.done))
      .slice(0, LIMITS.choices)
      .map((t) => ({
        name: truncate(defuseMentions(`${t.done ? '✓ ' : ''}${t.title}`), LIMITS.choiceName),
        value: t.id.length <= LIMITS.choiceValue ? t.id : truncate(t.title, LIMITS.choiceValue),
      }));
  },
};
