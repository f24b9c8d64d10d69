import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPReceiver, type HTTPReceiverOptions, type Receiver } from '@slack/bolt';
import {
  closeServer,
  createBoundedServer,
  type ServerBounds,
  SLACK_HTTP_BOUNDS,
} from '../../ops/bounded-server';
import type { HttpRoutes } from '../../ops/http-routes';

/** Slack's replay window: a request timestamp further than this from now (either way) is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver behind a server that bounds its clients ({@link SLACK_HTTP_BOUNDS}), with two
 * corrections made before Bolt sees a request:
 * - a `X-Slack-Request-Timestamp` more than 5 minutes in the future is refused (401) like a stale one
 *   (Bolt only checks the past, so a signed request from the future could be replayed for years);
 * - media-type parameters are dropped from `Content-Type` (`application/x-www-form-urlencoded;
 *   charset=utf-8` is what many proxies send; Bolt compares the whole header). The signature covers the
 *   body, not this header.
 */
export class BoundedHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | undefined;

  constructor(
    private readonly options: HTTPReceiverOptions & {
      bounds?: ServerBounds;
      now?: () => number;
      /** Other paths served on the same port (`/discord/interactions`), looked up before Bolt's. */
      routes?: HttpRoutes;
    },
  ) {
    this.inner = new HTTPReceiver(options);
  }

  /** Bolt's OAuth installer, when the app installs into workspaces (Bolt authorizes events with it). */
  get installer(): HTTPReceiver['installer'] {
    return this.inner.installer;
  }

  init(app: App): void {
    this.inner.init(app);
  }

  /** The request listener: the two corrections, then Bolt's own verification and dispatch. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.options.routes?.serve(req, res)) return;
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const nowSeconds = Math.floor((this.options.now ?? Date.now)() / 1000);
    if (Number.isFinite(timestamp) && timestamp - nowSeconds > MAX_SKEW_SECONDS) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('request timestamp is in the future\n');
      return;
    }
    const type = req.headers['content-type'];
    if (typeof type === 'string' && type.includes(';')) {
      req.headers['content-type'] = type.split(';')[0]!.trim().toLowerCase();
    }
    this.inner.requestListener(req, res);
  }

  /** Listens on `port` (default: the options' port); resolves with the server (its address gives the port). */
  async start(port?: number): Promise<Server> {
    if (this.server) throw new Error('the Slack HTTP receiver is already listening');
    const server = createBoundedServer(this.options.bounds ?? SLACK_HTTP_BOUNDS, (req, res) => {
      try {
        this.handle(req, res);
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port ?? this.options.port ?? 3000, () => resolve());
    });
    this.server = server;
    return server;
  }

  /** Stops listening and closes idle and in-flight connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }

  /** The bound port, once listening. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }
}
