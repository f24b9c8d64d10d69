import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { isCheckinActionId } from '../../../core/plans/companion/checkin-actions';
import type { BackgroundQueue } from '../../background-queue';
import type { CommandContext, SlashCommand } from '../commands/command';
import { errorFields, userMessageFor } from '../errors';
import { notice } from '../render/info-messages';
import { LIMITS, truncate } from '../render/limits';
import { buttonIsEphemeral, handleButton } from './button-handler';
import { handleCheckinButton } from './checkin-button';
import { handlePagingButton, isPagingButton, pagingIsEphemeral } from './paging-buttons';
import { Responder } from './responder';

/** Options of the router. */
export interface RouterOptions {
  /** Defer ("thinking...") when a handler has not answered after this long; Discord allows 3 s. */
  ackAfterMs?: number;
  /**
   * HTTP interactions: while a burst is under way ({@link BackgroundQueue.busy}), acknowledge first
   * ("thinking...", which the answer then edits) and compose the answer in this queue, after the acks.
   * A burst is then acknowledged at the pace requests are verified, not at the pace answers are made.
   */
  background?: BackgroundQueue;
  /**
   * Gateway interactions: a burst is this many being answered at once (or answers queued), not
   * requests arriving within the queue's quiet time (the gateway delivers them one after another).
   */
  burstInFlight?: number;
}

/** Runs `work` as a job of `queue`; settles as the work does. */
function later(queue: BackgroundQueue, work: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    void queue.run(() => work().then(resolve, reject));
  });
}

/**
 * Sends every interaction to its handler: slash commands, autocomplete, buttons. Whatever happens,
 * the user gets an answer: a slow handler is deferred before Discord's 3 s, and a failure is logged
 * and answered privately (a follow-up when already answered).
 */
export class InteractionRouter {
  private readonly byName: Map<string, SlashCommand>;
  private readonly ackAfterMs: number;
  private readonly background: BackgroundQueue | undefined;
  /** Interactions being answered right now (awaiting Discord); a burst is several at once. */
  private inFlight = 0;
  private readonly burstInFlight: number | undefined;

  constructor(
    private readonly ctx: CommandContext,
    options: RouterOptions,
  ) {
    this.byName = new Map(ctx.commands.map((c) => [c.data.name, c]));
    this.ackAfterMs = options.ackAfterMs ?? 2000;
    this.background = options.background;
    this.burstInFlight = options.burstInFlight;
  }

  /** Handles one interaction; never rejects. */
  async handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.autocomplete(interaction);
    if (interaction.isChatInputCommand()) {
      const command = this.byName.get(interaction.commandName);
      if (!command)
        return this.run(interaction, true, (r) => r.fail(notice('I do not know that command. Try /help.')));
      return this.run(interaction, command.ephemeral, (r) => command.execute(interaction, r, this.ctx));
    }
    if (interaction.isButton() && isPagingButton(interaction))
      return this.run(interaction, pagingIsEphemeral(interaction), (r) =>
        handlePagingButton(interaction, r, this.ctx),
      );
    if (interaction.isButton()) {
      if (isCheckinActionId(interaction.customId))
        return this.run(interaction, true, (r) => handleCheckinButton(interaction, r, this.ctx));
      return this.run(interaction, buttonIsEphemeral(interaction), (r) =>
        handleButton(interaction, r, this.ctx),
      );
    }
    if (interaction.isRepliable()) {
      return this.run(interaction, true, (r) => r.fail(notice('I cannot handle that here. Try /help.')));
    }
  }

  private async run(
    interaction: RepliableInteraction,
    ephemeral: boolean,
    work: (respond: Responder) => Promise<void>,
  ): Promise<void> {
    const respond = new Responder(interaction, ephemeral);
    const log = this.ctx.logger;
    const where = { interaction: interaction.id, kind: describe(interaction), user: interaction.user.id };
    const watchdog = setTimeout(() => {
      respond
        .defer()
        .catch((error: unknown) => log.warn({ ...where, ...errorFields(error) }, 'discord defer failed'));
    }, this.ackAfterMs);
    const queue = this.background;
    // In a burst this one is acknowledged first ("thinking...") and answered by an edit when the
    // queue gets to it.
    const limit = this.burstInFlight;
    const busy =
      queue !== undefined && (limit === undefined ? queue.busy() : queue.size > 0 || this.inFlight >= limit);
    queue?.touch();
    this.inFlight++;
    try {
      if (queue && busy) {
        await respond.defer();
        await later(queue, () => work(respond));
      } else {
        await work(respond);
      }
    } catch (error) {
      log.error({ ...where, ...errorFields(error) }, 'discord interaction failed');
      await respond
        .fail(notice(userMessageFor(error)))
        .catch((again: unknown) =>
          log.error({ ...where, ...errorFields(again) }, 'discord error reply failed'),
        );
    } finally {
      this.inFlight--;
      clearTimeout(watchdog);
    }
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = this.byName.get(interaction.commandName);
    let choices: { name: string; value: string | number }[] = [];
    try {
      choices = (await command?.autocomplete?.(interaction, this.ctx)) ?? [];
    } catch (error) {
      this.ctx.logger.error(
        { interaction: interaction.id, ...errorFields(error) },
        'discord autocomplete failed',
      );
    }
    const valid = choices
      .filter((c) => c.name.trim() !== '' && String(c.value) !== '')
      .slice(0, LIMITS.choices)
      .map((c) => ({
        name: truncate(c.name, LIMITS.choiceName),
        value: typeof c.value === 'string' ? truncate(c.value, LIMITS.choiceValue) : c.value,
      }));
    await Responder.choices(interaction, valid).catch((error: unknown) => {
      this.ctx.logger.warn(
        { interaction: interaction.id, ...errorFields(error) },
        'discord autocomplete reply failed',
      );
    });
  }
}

function describe(interaction: RepliableInteraction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId.split(':').slice(0, 2).join(':')}`;
  return `type ${interaction.type}`;
}
