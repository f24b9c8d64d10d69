import type { Interaction } from 'discord.js';
import type { Logger } from '../../../core/logger';
import { INTERACTIONS_HTTP_BOUNDS } from '../../../ops/bounded-server';
import { HttpRoutes } from '../../../ops/http-routes';
import { HttpInteractionClient } from './http-interaction-client';
import { INTERACTIONS_PATH, interactionsEndpoint } from './interactions-endpoint';
import { discordPublicKey } from './verify-signature';

export { INTERACTIONS_PATH } from './interactions-endpoint';

/** Where HTTP interactions are served. */
export interface HttpInteractionsSettings {
  /** `DISCORD_PUBLIC_KEY`: the application's Ed25519 public key, hex. */
  publicKey: string;
  /** `PORT`. */
  port: number;
  /**
   * The process's shared routes when another server owns `PORT` (Slack's HTTP receiver); without
   * them this part listens on `port` itself.
   */
  sharedRoutes?: HttpRoutes;
}

/**
 * Discord's HTTP interactions for the adapter: `POST /discord/interactions` on `PORT` (on the shared
 * server, or one of its own), handled by the same interaction router as the gateway's.
 */
export class HttpInteractions {
  private client: HttpInteractionClient | undefined;
  private ownRoutes: HttpRoutes | undefined;
  private boundPort: number | undefined;

  constructor(private readonly settings: HttpInteractionsSettings & { apiUrl?: string; logger: Logger }) {}

  /** Starts serving; `handle` is the bot's interaction router. */
  async start(handle: (interaction: Interaction) => void): Promise<void> {
    const { settings } = this;
    const client = new HttpInteractionClient({ apiUrl: settings.apiUrl, onInteraction: handle });
    this.client = client;
    const endpoint = interactionsEndpoint({
      key: discordPublicKey(settings.publicKey),
      client,
      logger: settings.logger,
    });
    const routes = settings.sharedRoutes ?? new HttpRoutes();
    routes.add(INTERACTIONS_PATH, (req, res) => {
      endpoint(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    if (!settings.sharedRoutes) {
      this.ownRoutes = routes;
      this.boundPort = await routes.listen(settings.port, INTERACTIONS_HTTP_BOUNDS);
    }
    settings.logger.info(
      { path: INTERACTIONS_PATH, port: this.boundPort ?? settings.port, shared: !this.ownRoutes },
      'discord http interactions listening',
    );
  }

  /** The port of its own server (useful with PORT=0); undefined on a shared server. */
  get port(): number | undefined {
    return this.boundPort;
  }

  /** True while serving. */
  isReady(): boolean {
    return this.client !== undefined;
  }

  /** Stops taking interactions (answers in progress may still follow up: see {@link destroy}). */
  async stop(): Promise<void> {
    this.settings.sharedRoutes?.remove(INTERACTIONS_PATH);
    await this.ownRoutes?.close();
    this.ownRoutes = undefined;
  }

  /** Releases the client, once the answers in progress are done. */
  async destroy(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.destroy();
  }
}
