import { connect, type Socket } from 'node:net';

/**
 * Opens `count` slow-loris connections to 127.0.0.1:`port`: each sends the start of a request and then
 * one more header line every second, never finishing. `closed()` counts those the server has cut off.
 */
export async function slowClients(
  port: number,
  count: number,
): Promise<{ closed: () => number; destroy: () => void }> {
  const sockets: Socket[] = [];
  let closed = 0;
  const timer = setInterval(() => {
    for (const s of sockets) if (!s.destroyed) s.write(`X-Slow-${Date.now()}: 1\r\n`);
  }, 1000);
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect({ host: '127.0.0.1', port }, () => {
            socket.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n');
            resolve();
          });
          socket.on('error', () => resolve());
          socket.on('close', () => {
            closed++;
            resolve();
          });
          sockets.push(socket);
        }),
    ),
  );
  return {
    closed: () => closed,
    destroy: () => {
      clearInterval(timer);
      for (const s of sockets) s.destroy();
    },
  };
}

/** GET `url` with a time-out; the status, or 0 when the connection failed or timed out. */
export async function statusOf(url: string, timeoutMs = 1000): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch {
    return 0;
  }
}
