import {
  Client,
  Events,
  type Interaction,
  InteractionResponseType,
  MessageFlags,
  Options,
  type RequestData,
  Routes,
} from 'discord.js';
import { makeRequest, restBase } from '../client';
import { sanitizeDispatch } from '../sanitize-payload';

/** The JSON body that answers an interaction POST: `{ type, data? }` (Discord's interaction response). */
export interface InteractionResponseBody {
  type: number;
  data?: Record<string, unknown>;
}

/** A REST request as discord.js makes it (`rest.request(options)`). */
type RestRequest = RequestData & { fullRoute: `/${string}`; method: string };

const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;

/**
 * A discord.js client that never connects to the gateway: interactions that arrive over HTTP are
 * turned into the same discord.js structures the gateway gives (`ChatInputCommandInteraction`,
 * `ButtonInteraction`, ...), so the bot's own handlers answer them with `reply`, `deferReply`,
 * `respond`, `followUp`. The first answer (the `POST /interactions/{id}/{token}/callback` discord.js
 * would make) becomes the body of the HTTP response instead; every later call (`editReply`,
 * `followUp`) goes to the interaction webhook on the REST API as usual. Nothing is kept between
 * requests, so any number of replicas can serve behind a load balancer.
 */
export class HttpInteractionClient {
  readonly client: Client;
  private readonly pending = new Map<string, Pending>();
  private readonly send: (options: RestRequest) => Promise<unknown>;
  private emitted = false;

  /** @param onInteraction the bot's interaction handler (the same router the gateway feeds). */
  constructor(options: { apiUrl?: string; onInteraction: (interaction: Interaction) => void }) {
    this.client = new Client({
      intents: [],
      allowedMentions: { parse: [] },
      // Nothing is looked up later: keep no messages, members or users from one request to the next.
      makeCache: Options.cacheWithLimits({
        ...Options.DefaultMakeCacheSettings,
        MessageManager: 0,
        GuildMemberManager: 0,
        UserManager: 0,
      }),
      rest: { makeRequest, ...(options.apiUrl ? { api: restBase(options.apiUrl) } : {}) },
    });
    this.client.on(Events.InteractionCreate, (interaction) => {
      this.emitted = true;
      options.onInteraction(interaction);
    });
    const rest = this.client.rest;
    this.send = rest.request.bind(rest) as (options: RestRequest) => Promise<unknown>;
    rest.request = ((request: RestRequest) => this.intercept(request)) as typeof rest.request;
  }

  /** The first callback of an interaction answers its HTTP request; anything else goes to Discord. */
  private async intercept(request: RestRequest): Promise<unknown> {
    const match = request.method === 'POST' ? CALLBACK_ROUTE.exec(request.fullRoute) : null;
    const pending = match ? this.pending.get(match[1]!) : undefined;
    if (!match || !pending) return this.send(request);
    this.pending.delete(match[1]!);
    const body = request.body as InteractionResponseBody;
    if (!request.files?.length) {
      pending.answer(body);
      return undefined;
    }
    // Attachments cannot ride in the JSON answer: acknowledge now, then put the message with its files
    // on the original response through the webhook.
    const update = body.type === InteractionResponseType.UpdateMessage;
    const flags = Number(body.data?.flags ?? 0) & MessageFlags.Ephemeral;
    pending.answer(
      update
        ? { type: InteractionResponseType.DeferredMessageUpdate }
        : { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags } },
    );
    return this.send({
      ...request,
      method: 'PATCH',
      fullRoute: Routes.webhookMessage(pending.appId, match[2]!),
      query: undefined,
      body: body.data,
    });
  }

  /**
   * Builds the interaction from a verified request body (discord.js's own INTERACTION_CREATE action)
   * and hands it to the handler; resolves with the first answer the handler makes. Resolves undefined
   * at once when discord.js does not know the interaction's type (nothing would ever answer it).
   */
  dispatch(payload: Record<string, unknown>): Promise<InteractionResponseBody | undefined> {
    sanitizeDispatch({ t: 'INTERACTION_CREATE', d: payload });
    const id = String(payload.id ?? '');
    const appId = String(payload.application_id ?? '');
    return new Promise((resolve) => {
      this.pending.set(id, { answer: resolve, appId });
      this.emitted = false;
      try {
        actionsOf(this.client).InteractionCreate.handle(payload);
      } catch (error) {
        this.pending.delete(id);
        throw error;
      }
      if (!this.emitted) {
        this.pending.delete(id);
        resolve(undefined);
      }
    });
  }

  /** Forgets an interaction that was never answered (its HTTP request gave up). */
  abandon(id: string): void {
    this.pending.delete(id);
  }

  /** Stops the REST client's timers. */
  async destroy(): Promise<void> {
    this.pending.clear();
    await this.client.destroy();
  }
}

interface Pending {
  answer: (body: InteractionResponseBody) => void;
  appId: string;
}

/**
 * discord.js's action handlers (typed private in its typings): `InteractionCreate.handle(data)` is what
 * its gateway runs for every INTERACTION_CREATE dispatch.
 */
function actionsOf(client: Client): { InteractionCreate: { handle(data: unknown): void } } {
  return (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
}
