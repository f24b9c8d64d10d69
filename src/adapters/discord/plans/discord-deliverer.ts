import { type APIChannel, DiscordAPIError, MessageFlags, REST, Routes } from 'discord.js';
import { BotError } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import type { DeliveryTarget, PlanDeliverer, StudyPlan } from '../../../core/plans/plan-service';
import { restBase } from '../client';
import { errorFields } from '../errors';
import { notice } from '../render/info-messages';
import type { OutgoingMessage } from '../render/outgoing';
import { renderPlan } from '../render/plan-messages';
import { restMessage } from '../rest-message';
import { type DiscordTargetData, discordTargetSchema } from './delivery-target';
import { INTERACTION_TOKEN_TTL_MS, type InteractionTokenStore } from './interaction-token-store';

/** What the deliverer needs: the bot token (REST only, no gateway) and the interaction tokens. */
export interface DiscordDelivererOptions {
  token: string;
  /** REST base URL; Discord's by default. */
  apiUrl?: string;
  tokens: InteractionTokenStore;
  logger: Logger;
  /** How long to wait for the adapter to store a fresh interaction's token (it does so right after its status reply). */
  tokenWaitMs?: number;
  now?: () => number;
  /** Close the token store with the deliverer (when the deliverer owns it). */
  closeTokens?: boolean;
}

/** Interaction tokens are not used in their last minute: a long plan needs time for its follow-ups. */
const TOKEN_MARGIN_MS = 60_000;
const DISCORD_API = 'https://discord.com/api';
/** Discord's answers to a token that no longer works (expired, unknown webhook or message). */
const TOKEN_GONE = new Set([50027, 10015, 10008, 10062]);

/** A target's Discord data, checked; a target of another platform or with bad data is refused. */
function discordData(target: DeliveryTarget): DiscordTargetData {
  const data = target.platform === 'discord' ? discordTargetSchema.safeParse(target.data) : undefined;
  if (!data?.success) {
    throw new BotError('delivery.platform', 'This plan cannot be delivered on Discord.', {
      detail: data ? 'invalid discord target data' : `target platform ${target.platform}`,
    });
  }
  return data.data;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delivers finished study plans on Discord through REST with the bot token (the worker needs no
 * gateway connection). While the request's interaction token is valid, it edits the original
 * ("queued...") response and posts the rest of a long plan as private follow-ups; otherwise it sends
 * the plan by DM. The whole plan is attached as a Markdown file either way.
 */
export class DiscordPlanDeliverer implements PlanDeliverer {
  readonly platform = 'discord';
  private readonly rest: REST;
  private readonly now: () => number;

  constructor(readonly options: DiscordDelivererOptions) {
    this.rest = new REST({ version: '10', api: restBase(options.apiUrl ?? DISCORD_API) }).setToken(
      options.token,
    );
    this.now = options.now ?? Date.now;
  }

  async deliver(delivery: DeliveryTarget, plan: StudyPlan, jobId: string): Promise<void> {
    const target = discordData(delivery);
    const messages = renderPlan(plan, { attach: true, title: 'Your study plan is ready' });
    if (await this.viaInteraction(target, messages, jobId)) return;
    await this.viaDm(target.userId, messages, jobId);
  }

  /** Tells the user their plan could not be made (after every retry): in place of "queued...", or by DM. */
  async deliverFailure(delivery: DeliveryTarget, message: string, jobId: string): Promise<void> {
    if (delivery.platform !== 'discord') return;
    const target = discordData(delivery);
    const messages = [notice(message)];
    if (await this.viaInteraction(target, messages, jobId)) return;
    await this.viaDm(target.userId, messages, jobId);
  }

  /** Edits the original response; false (nothing sent) when the token is missing, expired or refused. */
  private async viaInteraction(
    target: DiscordTargetData,
    messages: OutgoingMessage[],
    jobId: string,
  ): Promise<boolean> {
    const { interactionId, interactionAt, applicationId } = target;
    if (!interactionId || interactionAt === undefined) return false;
    const usableFor = interactionAt + INTERACTION_TOKEN_TTL_MS - TOKEN_MARGIN_MS - this.now();
    if (usableFor <= 0) return false;
    const token = await this.waitForToken(
      interactionId,
      Math.min(this.options.tokenWaitMs ?? 5000, usableFor),
    );
    if (!token) return false;
    const [first, ...rest] = messages;
    try {
      const { body, files } = restMessage({ content: '', ...first });
      await this.rest.patch(Routes.webhookMessage(applicationId, token, '@original'), {
        body,
        files,
        auth: false,
      });
    } catch (error) {
      if (error instanceof DiscordAPIError && TOKEN_GONE.has(Number(error.code))) {
        this.options.logger.info(
          { jobId, ...errorFields(error) },
          'interaction token refused; delivering the plan by DM',
        );
        return false;
      }
      throw error;
    }
    for (const message of rest) {
      const { body, files } = restMessage(message, { flags: MessageFlags.Ephemeral });
      await this.rest.post(Routes.webhook(applicationId, token), {
        body,
        files,
        auth: false,
        query: new URLSearchParams({ wait: 'true' }),
      });
    }
    await this.options.tokens.delete(interactionId).catch(() => {});
    this.options.logger.info({ jobId, messages: messages.length }, 'discord: sent in the interaction');
    return true;
  }

  private async waitForToken(interactionId: string, waitMs: number): Promise<string | undefined> {
    const deadline = this.now() + waitMs;
    for (;;) {
      try {
        const token = await this.options.tokens.get(interactionId);
        if (token) return token;
      } catch (error) {
        this.options.logger.warn(
          { interactionId, ...errorFields(error) },
          'interaction token store unavailable',
        );
        return undefined;
      }
      if (this.now() >= deadline) return undefined;
      await pause(100);
    }
  }

  private async viaDm(userId: string, messages: OutgoingMessage[], jobId: string): Promise<void> {
    try {
      const channel = (await this.rest.post(Routes.userChannels(), {
        body: { recipient_id: userId },
      })) as APIChannel;
      for (const message of messages)
        await this.rest.post(Routes.channelMessages(channel.id), restMessage(message));
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === 50007) {
        throw new BotError('discord.dm-closed', 'I could not send your plan: your DMs are closed to me.', {
          cause: error,
          detail: `user ${userId} does not accept DMs`,
        });
      }
      throw error;
    }
    this.options.logger.info({ jobId, messages: messages.length }, 'discord: sent by DM');
  }

  /** Stops the REST client's timers (and closes the token store when it owns it). */
  async close(): Promise<void> {
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
    if (this.options.closeTokens) await this.options.tokens.close();
  }
}
