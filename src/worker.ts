/**
 * `npm run worker`: a plan worker alone, so several processes or machines can share one Redis. Loads
 * the configuration and knowledge, builds the deliverers this process can use, and works plan jobs
 * until SIGINT/SIGTERM, when it finishes the jobs in hand and exits.
 */
import { config as loadDotenv } from 'dotenv';
import { loadPlatforms } from './adapters/platforms';
import { openKnowledge } from './app/build-knowledge';
import { loadCurriculum, startRedisPlanWorker } from './app/build-plans';
import { buildRedisHealth } from './app/build-stores';
import { gracefulShutdown } from './app/graceful-shutdown';
import { loadConfig, secretsOf } from './config/config';
import { describeError, isBotError } from './core/errors';
import { DeliveryRegistry } from './core/plans/delivery-registry';
import { createLogger } from './ops/logger';
import { Metrics } from './ops/metrics';
import { OpsServer } from './ops/ops-server';

/** Docker's default stop grace period: past it the process is killed anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env, 'worker');
  const logger = createLogger({
    level: config.logLevel,
    secrets: secretsOf(config),
  });
  if (!config.redisUrl) {
    process.stderr.write('The plan worker needs REDIS_URL (the bot runs plans in process without it).\n');
    process.exit(1);
  }
  const knowledge = await openKnowledge(config, logger);
  knowledge.watch();
  const curriculum = loadCurriculum(config, logger, knowledge.current);
  const metrics = new Metrics();
  // Delivery only: each configured platform's deliverer (no gateway, no Bolt app).
  const context = { config, logger, role: 'worker' as const, keyPrefix: config.keyPrefix };
  const platforms = await loadPlatforms(config, 'worker');
  const deliverers = new DeliveryRegistry(
    platforms.map((platform) => ({
      deliverer: platform.createDeliverer(context),
      targetSchema: platform.deliveryTargetSchema,
    })),
    (platform, ok) => metrics.delivered(platform, ok ? 'delivered' : 'failed'),
  );
  if (deliverers.platforms().length === 0) {
    logger.warn({}, 'no platform is configured: this worker can build plans but deliver none of them');
  }
  const worker = startRedisPlanWorker({
    config: { ...config, redisUrl: config.redisUrl },
    logger,
    knowledge: () => knowledge.current,
    curriculum,
    deliverers,
  });
  // The same ops endpoints as the bot, so the image's HEALTHCHECK and Prometheus work for workers too.
  const redisHealth = buildRedisHealth(config.redisUrl, logger);
  const ops =
    config.opsPort === undefined
      ? undefined
      : new OpsServer({
          port: config.opsPort,
          metrics,
          logger,
          checks: [
            { name: 'knowledge', check: () => knowledge.current.units.length > 0 },
            { name: 'worker', check: () => worker.worker.isRunning() },
            ...redisHealth.checks,
          ],
        });
  await ops?.start();
  gracefulShutdown({
    logger,
    message: 'plan worker stopping; finishing the jobs in hand',
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    stop: async () => {
      await worker.close();
      await ops?.stop();
      await redisHealth.close();
      knowledge.close();
    },
  });
  logger.info(
    {
      queue: config.plans.queueName,
      concurrency: config.plans.workerConcurrency,
      platforms: deliverers.platforms(),
    },
    'plan worker started',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `plan worker failed to start: ${isBotError(error) ? error.userMessage : describeError(error)}\n`,
  );
  process.exit(1);
});
