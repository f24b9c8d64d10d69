import {
  type Client,
  DiscordAPIError,
  Events,
  GatewayDispatchEvents,
  type GatewayMessageCreateDispatchData,
  Status,
} from 'discord.js';
import { BotError } from '../../core/errors';
import type { Adapter, ShardStatus } from '../adapter';
import { BackgroundQueue } from '../background-queue';
import { createDiscordClient, type ShardSettings } from './client';
import { COMMANDS } from './commands';
import type { DiscordDeps } from './commands/command';
import { helpLines, helpNote } from './commands/help';
import { errorFields } from './errors';
import { HttpInteractions, type HttpInteractionsSettings } from './http-interactions';
import { InteractionRouter } from './interactions/interaction-router';
import { createMessageHandler } from './messages/message-handler';
import { renderHelp } from './render/info-messages';

/** What the Discord adapter needs. */
export interface DiscordAdapterOptions extends DiscordDeps {
  token: string;
  appId: string;
  /** REST base URL (a proxy, or a local fake); Discord's by default. */
  apiUrl?: string;
  /** How long to wait for the gateway's READY. */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers in progress. */
  drainTimeoutMs?: number;
  /** Defer an interaction whose handler has not answered after this long (Discord allows 3 s). */
  ackAfterMs?: number;
  /** Discord's HTTP interactions on `PORT` (`DISCORD_PUBLIC_KEY` set). */
  interactions?: HttpInteractionsSettings;
  /** Connect to the gateway (DMs, mentions); false for a process that serves HTTP interactions only. */
  gateway?: boolean;
  /** The gateway shards this process runs (`DISCORD_SHARDS`, `DISCORD_SHARD_IDS`); all, `auto`, by default. */
  shards?: ShardSettings;
}

/**
 * The Discord side of backend-mentor: slash commands, autocomplete and buttons through the
 * interaction router, DMs and mentions through the message handler. Commands are registered by the
 * deploy script, never on start.
 */
export class DiscordAdapter implements Adapter {
  readonly name = 'discord';
  private client: Client | undefined;
  private http: HttpInteractions | undefined;
  /** Answers of HTTP interactions acknowledged first during a burst. */
  private readonly background: BackgroundQueue;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DiscordAdapterOptions) {
    this.background = new BackgroundQueue(options.logger, { name: 'discord' });
  }

  /** Keeps an event's work until it settles (stop() waits for it); a failure is logged, never thrown. */
  private track(work: () => Promise<void>): void {
    const running = Promise.resolve()
      .then(work)
      .catch((error: unknown) => this.options.logger.error(errorFields(error), 'discord event failed'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async start(): Promise<void> {
    const router = new InteractionRouter(
      { ...this.options, commands: COMMANDS },
      // A burst (4 being answered at once) is acknowledged first and answered by an edit, as over HTTP.
      { ackAfterMs: this.options.ackAfterMs, background: this.background, burstInFlight: 4 },
    );
    if (this.options.interactions) {
      this.http = new HttpInteractions({
        ...this.options.interactions,
        apiUrl: this.options.apiUrl,
        logger: this.options.logger,
      });
      // Its own router (the same queue): a burst of HTTP interactions is acknowledged first too.
      const httpRouter = new InteractionRouter(
        { ...this.options, commands: COMMANDS },
        { ackAfterMs: this.options.ackAfterMs, background: this.background },
      );
      await this.http.start((interaction) => this.track(() => httpRouter.handle(interaction)));
    }
    if (this.options.gateway ?? true) await this.connect(router);
  }

  /** The port HTTP interactions are served on by a server of the adapter's own (tests use PORT=0). */
  get httpPort(): number | undefined {
    return this.http?.port;
  }

  /** Logs in to the gateway: interactions (when not over HTTP), DMs and mentions. */
  private async connect(router: InteractionRouter): Promise<void> {
    const { logger, token, apiUrl } = this.options;
    const client = createDiscordClient({ apiUrl, shards: this.options.shards });
    this.client = client;
    const onMessage = createMessageHandler({
      deps: this.options,
      rest: client.rest,
      appId: this.options.appId,
      botId: () => client.user?.id,
      help: () => renderHelp(helpLines(COMMANDS), helpNote),
    });
    client.on(Events.InteractionCreate, (interaction) => this.track(() => router.handle(interaction)));
    client.ws.on(GatewayDispatchEvents.MessageCreate, (data: GatewayMessageCreateDispatchData) =>
      this.track(() => onMessage(data)),
    );
    client.on(Events.Error, (error) => logger.error(errorFields(error), 'discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
    client.on(Events.ShardDisconnect, (event, shard) =>
      logger.warn({ code: event.code, shard }, 'discord gateway disconnected'),
    );
    client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord gateway reconnecting'));
    client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'discord shard ready'));

    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new BotError('discord.ready-timeout', 'Discord did not confirm the login in time.')),
        this.options.readyTimeoutMs ?? 30_000,
      );
      client.once(Events.ClientReady, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      await client.login(token);
      await ready;
    } catch (error) {
      await client.destroy().catch(() => {});
      this.client = undefined;
      throw loginError(error);
    }
    logger.info(
      {
        user: client.user?.tag,
        appId: this.options.appId,
        shards: [...client.ws.shards.keys()],
        shardCount: client.options.shardCount,
      },
      'discord connected',
    );
    if (
      client.user &&
      client.user.id !== this.options.appId &&
      client.application?.id !== this.options.appId
    ) {
      logger.warn(
        { appId: this.options.appId },
        'DISCORD_APP_ID does not match the application of DISCORD_TOKEN',
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    const http = this.http;
    if (!client && !http) return;
    this.client = undefined;
    this.http = undefined;
    await http?.stop();
    const drained = Promise.allSettled([...this.inFlight]);
    await Promise.race([
      drained,
      new Promise((r) => setTimeout(r, this.options.drainTimeoutMs ?? 5000).unref()),
    ]);
    await client?.destroy();
    await http?.destroy();
    await this.options.tokens.close();
  }

  /** The gateway shards of this process (none before the login, or without a gateway). */
  shards(): ShardStatus[] {
    const client = this.client;
    if (!client) return [];
    return [...client.ws.shards.values()].map((shard) => ({
      id: shard.id,
      ready: shard.status === Status.Ready,
      pingMs: shard.ping,
    }));
  }

  isReady(): boolean {
    if (this.http && !this.http.isReady()) return false;
    if (!(this.options.gateway ?? true)) return this.http !== undefined;
    return this.client?.isReady() ?? false;
  }
}

function loginError(error: unknown): BotError {
  if (error instanceof BotError) return error;
  const invalidToken =
    (error instanceof DiscordAPIError && error.status === 401) ||
    (error instanceof Error && /TokenInvalid|invalid token/i.test(`${error.name} ${error.message}`));
  if (invalidToken) {
    return new BotError('discord.token-invalid', 'Discord rejected DISCORD_TOKEN: check the bot token.');
  }
  return new BotError('discord.login', `Could not connect to Discord: ${errorFields(error).error}`, {
    cause: error,
  });
}
