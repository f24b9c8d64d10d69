import { createHash } from 'node:crypto';
import { type APIChannel, type APIMessage, DiscordAPIError, MessageFlags, REST, Routes } from 'discord.js';
import { BotError } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import type { CheckinContent } from '../../../core/plans/companion/checkin-content';
import type {
  DeliverOptions,
  DeliveryTarget,
  PlanDeliverer,
  StudyPlan,
} from '../../../core/plans/plan-service';
import { makeRequest, restBase } from '../client';
import { errorFields } from '../errors';
import { renderCheckin } from '../render/checkin-message';
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

/**
 * The nonce of message `part` of delivery `key` (a job id, a check-in key): the same on every run, at
 * most 25 characters (Discord's limit). Sent with `enforce_nonce`, a resend returns the message
 * created earlier instead of creating a second one.
 */
export function messageNonce(key: string, part: number): string {
  return createHash('sha256').update(`${key}#${part}`).digest('base64url').slice(0, 25);
}

/** True when a message already shows `message` (its first embed, or its text): a resend's earlier edit landed. */
function shows(existing: Partial<APIMessage>, message: OutgoingMessage): boolean {
  const want = message.embeds?.[0];
  const have = existing.embeds?.[0];
  if (want) return have?.title === want.title && have?.description === want.description;
  return message.content !== undefined && existing.content === message.content;
}

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
 *
 * Seen once across a crash mid-send: editing the original response is idempotent, and a resend first
 * reads it back and stops there when the plan already shows (follow-ups cannot be listed, so a resend
 * never posts them again; the attached file holds the whole plan). DM messages carry a nonce derived
 * from the job id with `enforce_nonce`, so Discord returns the earlier message instead of a copy.
 */
export class DiscordPlanDeliverer implements PlanDeliverer {
  readonly platform = 'discord';
  private readonly rest: REST;
  private readonly now: () => number;

  constructor(readonly options: DiscordDelivererOptions) {
    this.rest = new REST({
      version: '10',
      api: restBase(options.apiUrl ?? DISCORD_API),
      makeRequest,
    }).setToken(options.token);
    this.now = options.now ?? Date.now;
  }

  async deliver(
    delivery: DeliveryTarget,
    plan: StudyPlan,
    jobId: string,
    options: DeliverOptions = {},
  ): Promise<void> {
    const target = discordData(delivery);
    const messages = renderPlan(plan, { attach: true, title: 'Your study plan is ready' });
    if (await this.viaInteraction(target, messages, jobId, options.resend === true)) return;
    await this.viaDm(target.userId, messages, jobId);
  }

  /**
   * Sends a weekly check-in with its buttons by DM, once per `key` (`checkin:{planId}:{week}`, apart
   * from plan job ids; the nonces derive from it).
   */
  async deliverCheckin(delivery: DeliveryTarget, content: CheckinContent, key: string): Promise<void> {
    const target = discordData(delivery);
    await this.viaDm(target.userId, [renderCheckin(content)], key);
  }

  /** Tells the user their plan could not be made (after every retry): in place of "queued...", or by DM. */
  async deliverFailure(delivery: DeliveryTarget, message: string, jobId: string): Promise<void> {
    if (delivery.platform !== 'discord') return;
    const target = discordData(delivery);
    const messages = [notice(message)];
    if (await this.viaInteraction(target, messages, jobId, true)) return;
    await this.viaDm(target.userId, messages, `failed:${jobId}`);
  }

  /**
   * Edits the original response; false (nothing sent) when the token is missing, expired or refused.
   * With `resend`, first reads the original back: when it already shows the first message, the
   * delivery landed before and nothing is sent again.
   */
  private async viaInteraction(
    target: DiscordTargetData,
    messages: OutgoingMessage[],
    jobId: string,
    resend: boolean,
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
    const original = Routes.webhookMessage(applicationId, token, '@original');
    try {
      if (resend && shows((await this.rest.get(original, { auth: false })) as APIMessage, first!)) {
        this.options.logger.info({ jobId }, 'discord: already shown in the interaction; not sent again');
        return true;
      }
      const { body, files } = restMessage({ content: '', ...first });
      await this.rest.patch(original, {
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
    // The token stays (its store drops it after 15 minutes): a resend must find the same response.
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

  /** Posts by DM, each message with a nonce derived from `key` (and `enforce_nonce`): a resend creates no copy. */
  private async viaDm(userId: string, messages: OutgoingMessage[], key: string): Promise<void> {
    try {
      const channel = (await this.rest.post(Routes.userChannels(), {
        body: { recipient_id: userId },
      })) as APIChannel;
      for (const [part, message] of messages.entries()) {
        const nonce = { nonce: messageNonce(key, part), enforce_nonce: true };
        await this.rest.post(Routes.channelMessages(channel.id), restMessage(message, nonce));
      }
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === 50007) {
        throw new BotError('discord.dm-closed', 'I could not send your plan: your DMs are closed to me.', {
          cause: error,
          detail: `user ${userId} does not accept DMs`,
        });
      }
      throw error;
    }
    this.options.logger.info({ key, messages: messages.length }, 'discord: sent by DM');
  }

  /** Stops the REST client's timers (and closes the token store when it owns it). */
  async close(): Promise<void> {
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
    if (this.options.closeTokens) await this.options.tokens.close();
  }
}
