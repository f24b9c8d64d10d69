/**
 * The BullMQ producer while its connection is still being made (the bot's start-up): a burst of
 * requests waits for one shared readiness, not one set of connection listeners per request.
 */
import { silentLogger } from '../../src/core/logger';
import { BullPlanQueue } from '../../src/queue/bullmq-plan-queue';
import { closeRedis, createRedisConnection } from '../../src/queue/redis-connection';
import { freePort } from '../helpers/redis-server';
import { useTestRedis } from '../helpers/use-redis';

const ctx = useTestRedis();

const listeners = (connection: { listenerCount(event: string): number }) =>
  ['ready', 'error', 'close'].map((event) => connection.listenerCount(event));

test('GIVEN 200 requests while the producer connects THEN they share one readiness wait and all go on once it is ready', async () => {
  const connection = createRedisConnection(ctx.server.url, 'producer', { name: 'burst-test' });
  const queue = new BullPlanQueue({
    connection,
    name: 'burst-ready',
    prefix: '{burst-ready}',
    logger: silentLogger,
  });
  const before = listeners(connection);
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    expect(connection.status).not.toBe('ready');
    const waits = Array.from({ length: 200 }, () => queue.whenReady(5000));
    expect(listeners(connection)).toEqual(before.map((n) => n + 1));
    await Promise.all(waits);
    const ready = listeners(connection);
    await Promise.all(Array.from({ length: 200 }, () => queue.whenReady(10))); // ready: at once
    expect(listeners(connection)).toEqual(ready);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  } finally {
    process.off('warning', onWarning);
    await queue.close();
    await closeRedis(connection);
  }
});

test('GIVEN no Redis at the address THEN every waiting request fails, within its own time limit at most', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  const connection = createRedisConnection(url, 'producer', { name: 'burst-test-down' });
  const queue = new BullPlanQueue({
    connection,
    name: 'burst-down',
    prefix: '{burst-down}',
    logger: silentLogger,
  });
  try {
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => queue.whenReady(1500)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2500);
  } finally {
    await queue.close();
    await closeRedis(connection);
  }
});
