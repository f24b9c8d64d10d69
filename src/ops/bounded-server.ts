import { createServer, type RequestListener, type Server } from 'node:http';

/** How long a client may take and how many may be connected at once. */
export interface ServerBounds {
  /** Time to receive the request headers (slow-loris clients are cut here). */
  headersTimeoutMs: number;
  /** Time to receive the whole request. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are refused at once (well under the usual 1,024 file descriptors). */
  maxConnections: number;
}

/** The ops server answers tiny GETs: anything slower than a few seconds is not a probe. */
export const OPS_BOUNDS: ServerBounds = {
  headersTimeoutMs: 3000,
  requestTimeoutMs: 5000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 256,
};

/** Slack sends small signed bodies and expects an ack within 3 s. */
export const SLACK_HTTP_BOUNDS: ServerBounds = {
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 512,
};

/** Discord's interaction POSTs: small signed JSON bodies, answered within 3 s. */
export const INTERACTIONS_HTTP_BOUNDS: ServerBounds = SLACK_HTTP_BOUNDS;

/**
 * An HTTP server that bounds its clients: header, request and idle timeouts (checked every 500 ms, not
 * Node's default 30 s) and a connection limit, so slow or idle clients cannot exhaust the process's
 * file descriptors and keep `/healthz` or Slack's requests out.
 */
export function createBoundedServer(bounds: ServerBounds, listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: bounds.headersTimeoutMs,
      requestTimeout: bounds.requestTimeoutMs,
      keepAliveTimeout: bounds.keepAliveTimeoutMs,
      connectionsCheckingInterval: 500,
    },
    listener,
  );
  server.maxConnections = bounds.maxConnections;
  // An idle socket that never sends a byte is not covered by headersTimeout on every Node version.
  server.on('connection', (socket) => socket.setTimeout(bounds.requestTimeoutMs, () => socket.destroy()));
  return server;
}

/**
 * Closes a server: idle connections at once, then waits for in-flight requests, which get `graceMs`
 * (default 1 s) before their connections are closed too.
 */
export function closeServer(server: Server, graceMs = 1000): Promise<void> {
  server.closeIdleConnections();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}
