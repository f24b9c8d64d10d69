import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger';
import { createBoundedServer, OPS_BOUNDS, type ServerBounds } from './bounded-server';
import type { Metrics } from './metrics';

/** One readiness check: a name and a probe that resolves true when that part is ready. */
export interface ReadinessCheck {
  name: string;
  check: () => boolean | Promise<boolean>;
}

const CHECK_TIMEOUT_MS = 1000;

async function probe(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve(check.check()).catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The operator's HTTP server: `/healthz` (the process is alive), `/readyz` (every check passes:
 * knowledge loaded, Redis, each platform connected) and `/metrics` (Prometheus text format). Slow
 * and idle clients are cut off and connections are capped ({@link OPS_BOUNDS}).
 */
export class OpsServer {
  private server: Server | undefined;

  constructor(
    private readonly options: {
      port: number;
      host?: string;
      metrics: Metrics;
      /** The checks, or a function giving them at each probe (shards appear once connected). */
      checks: ReadinessCheck[] | (() => ReadinessCheck[]);
      logger: Logger;
      /** Client timeouts and connection limit (default {@link OPS_BOUNDS}). */
      bounds?: ServerBounds;
    },
  ) {}

  /** Starts listening; resolves with the port (useful with port 0). */
  async start(): Promise<number> {
    const { metrics, checks, logger } = this.options;
    this.server = createBoundedServer(this.options.bounds ?? OPS_BOUNDS, (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(405, 'text/plain', 'method not allowed\n');
      if (path === '/healthz') return send(200, 'application/json', '{"status":"ok"}\n');
      if (path === '/readyz') {
        const list = typeof checks === 'function' ? checks() : checks;
        void Promise.all(list.map(async (c) => [c.name, await probe(c)] as const)).then((results) => {
          const ready = results.every(([, ok]) => ok);
          send(
            ready ? 200 : 503,
            'application/json',
            `${JSON.stringify({ ready, checks: Object.fromEntries(results) })}\n`,
          );
        });
        return;
      }
      if (path === '/metrics') {
        void metrics.registry.metrics().then(
          (text) => send(200, metrics.registry.contentType, text),
          (error: unknown) => {
            logger.error({ error: String(error) }, 'metrics collection failed');
            send(500, 'text/plain', 'metrics unavailable\n');
          },
        );
        return;
      }
      send(404, 'text/plain', 'not found\n');
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host ?? '0.0.0.0', () => resolve());
    });
    const port = (this.server.address() as AddressInfo).port;
    logger.info({ port }, 'ops server listening');
    return port;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
