import type { AddressInfo } from 'node:net';
import type { App, LogLevel } from '@slack/bolt';
import type { ConversationCore } from '../../core/conversation/conversation-core';
import { BotError, describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { HttpRoutes } from '../../ops/http-routes';
import type { Adapter } from '../adapter';
import { BackgroundQueue } from '../background-queue';
import { type BoltApp, createBoltApp, type SlackConnection } from './create-bolt-app';
import type { SlackDeps } from './deps';
import { type Deduper, MemoryDeduper } from './event-dedupe';
import { registerListeners } from './listeners';
import { registerUninstall } from './listeners/events/uninstall';

/** How long stop() waits for answers in hand. */
const STOP_GRACE_MS = 5000;

/** What the Slack adapter needs. */
export interface SlackAdapterOptions {
  connection: SlackConnection;
  core: ConversationCore;
  logger: Logger;
  /** Bolt's log level. */
  logLevel: LogLevel;
  /** Channels where every question is answered (ids). */
  answerChannels?: string[];
  /** Shared through Redis when several processes serve one app; memory by default. */
  dedupe?: Deduper;
  /** Other paths the HTTP-mode server serves (`/discord/interactions`). */
  httpRoutes?: HttpRoutes;
}

/**
 * The Slack side of backend-mentor on Bolt: `/mentor`, mentions, DMs, questions in chosen channels,
 * buttons and the study-plan form. Socket Mode with an app token, else HTTP mode on `PORT`.
 */
export class SlackAdapter implements Adapter {
  readonly name = 'slack';
  private bolt: BoltApp | undefined;
  private ready = false;
  private boundPort: number | undefined;
  private readonly background: BackgroundQueue;

  constructor(private readonly options: SlackAdapterOptions) {
    this.background = new BackgroundQueue(options.logger);
  }

  /** The Bolt app (tests and diagnostics). */
  get app(): App | undefined {
    return this.bolt?.app;
  }

  /** The port HTTP mode listens on (useful with PORT=0). */
  get port(): number | undefined {
    return this.boundPort;
  }

  async start(): Promise<void> {
    const { options } = this;
    const bolt = createBoltApp(options.connection, options.logger, options.logLevel, options.httpRoutes);
    this.bolt = bolt;
    const deps: SlackDeps = {
      core: options.core,
      logger: options.logger,
      dedupe: options.dedupe ?? new MemoryDeduper(),
      answerChannels: new Set(options.answerChannels ?? []),
      background: this.background,
    };
    bolt.app.use(async (args) => {
      const { body, next } = args;
      deps.background.touch();
      // Retried deliveries (X-Slack-Retry-Num, Socket Mode retry_attempt) carry the same event_id.
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === 'string' && !(await deps.dedupe.claim(`event:${eventId}`))) {
        options.logger.debug({ eventId }, 'slack: duplicate delivery ignored');
        return;
      }
      // A slash command replayed with the same trigger_id is acknowledged and answered once.
      const command = body as { command?: unknown; trigger_id?: unknown };
      if (typeof command.command === 'string' && typeof command.trigger_id === 'string') {
        if (!(await deps.dedupe.claim(`trigger:${command.trigger_id}`))) {
          await (args as { ack?: () => Promise<void> }).ack?.();
          options.logger.debug({}, 'slack: replayed slash command ignored');
          return;
        }
      }
      await next();
    });
    registerListeners(bolt.app, deps);
    if (options.connection.oauth) {
      registerUninstall(bolt.app, options.connection.oauth.installationStore, options.logger);
    }
    bolt.app.error(async (error) => {
      options.logger.error({ error: describeError(error) }, 'slack: unhandled listener error');
    });
    try {
      await bolt.app.init();
    } catch (error) {
      throw initError(error, options.connection.apiUrl);
    }
    try {
      const started = await bolt.app.start();
      const address =
        bolt.mode === 'http'
          ? (started as { address?: () => AddressInfo | string | null }).address?.()
          : undefined;
      this.boundPort = typeof address === 'object' && address ? address.port : undefined;
    } catch (error) {
      throw new BotError(
        bolt.mode === 'socket' ? 'slack.socket-mode' : 'slack.http',
        bolt.mode === 'socket'
          ? `Could not open a Socket Mode connection (${slackErrorCode(error)}). Check SLACK_APP_TOKEN.`
          : `Could not listen on PORT ${options.connection.port} (${slackErrorCode(error)}).`,
        { cause: error },
      );
    }
    this.ready = true;
    options.logger.info({ mode: bolt.mode, port: this.boundPort }, 'slack adapter connected');
  }

  async stop(): Promise<void> {
    const bolt = this.bolt;
    this.bolt = undefined;
    this.ready = false;
    if (!bolt) return;
    try {
      // Stop taking new requests first...
      if (bolt.mode === 'socket') {
        // (the receiver's own stop does not wait for the socket to close)
        await (bolt.receiver as { client: { disconnect(): Promise<void> } }).client.disconnect();
      } else {
        await bolt.app.stop();
      }
    } catch (error) {
      this.options.logger.warn({ error: describeError(error) }, 'slack: stop failed');
    }
    // ...then finish the answers in hand (they use the Web API, not the receiver), for a bounded time.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.background.idle(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS);
      }),
    ]);
    clearTimeout(timer);
  }

  isReady(): boolean {
    return this.ready;
  }
}

/** The start-up error for a failed `auth.test`: a refused token, or a Web API that cannot be reached. */
function initError(error: unknown, apiUrl: string | undefined): BotError {
  const data = (error as { data?: { error?: unknown } }).data;
  if (data && typeof data.error === 'string') {
    return new BotError(
      'slack.auth',
      `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${data.error}). Check the token and SLACK_API_URL.`,
      { cause: error },
    );
  }
  return new BotError(
    'slack.unreachable',
    `Could not reach the Slack Web API at ${apiUrl ?? 'https://slack.com/api/'} (${slackErrorCode(error)}). Check SLACK_API_URL and the network.`,
    { cause: error },
  );
}

/** A short reason from a Web API or network error, for a start-up message (never a token). */
function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (data && typeof data.error === 'string') return data.error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${describeError(error)}` : describeError(error);
}
