import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, createBoundedServer, type ServerBounds } from './bounded-server';

/** A request handler for one path. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The public HTTP paths of one process beside Bolt's (`/discord/interactions` next to `/slack/events`
 * on `PORT`): adapters add their paths here; whichever server owns `PORT` looks them up first (the
 * Slack receiver in HTTP mode, else {@link HttpRoutes.listen}).
 */
export class HttpRoutes {
  private readonly routes = new Map<string, RouteHandler>();
  private server: Server | undefined;

  /** Serves `path` (exact, without query string) with `handler`. */
  add(path: string, handler: RouteHandler): void {
    this.routes.set(path, handler);
  }

  /** Removes a path. */
  remove(path: string): void {
    this.routes.delete(path);
  }

  /** Handles the request when its path is one of ours; returns false otherwise. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const handler = this.routes.get((req.url ?? '/').split('?')[0]!);
    if (!handler) return false;
    handler(req, res);
    return true;
  }

  /** Listens on `port` with a server of its own that bounds its clients (404 for other paths). */
  async listen(port: number, bounds: ServerBounds): Promise<number> {
    if (this.server) throw new Error('already listening');
    const server = createBoundedServer(bounds, (req, res) => {
      try {
        if (this.serve(req, res)) return;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  /** Stops the server of {@link listen}, if any (in-flight requests get a second to finish). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }
}
