/**
 * The composition root: reads the configuration, builds every part and passes dependencies in,
 * starts the adapters whose configuration is present (the terminal when none is), and shuts down
 * gracefully on SIGINT/SIGTERM. Only src/config reads the environment (`process.env` is handed to it).
 */
import { config as loadDotenv } from 'dotenv';
import type { Adapter } from './adapters/adapter';
import type { PlatformContext } from './adapters/platform';
import { loadPlatforms } from './adapters/platforms';
import { buildContextStore } from './app/build-context-store';
import { openKnowledge } from './app/build-knowledge';
import { buildPlans, loadCurriculum } from './app/build-plans';
import { buildStores } from './app/build-stores';
import { gracefulShutdown } from './app/graceful-shutdown';
import { type Config, loadConfig, secretsOf } from './config/config';
import { ConversationCore } from './core/conversation/conversation-core';
import { describeError, isBotError } from './core/errors';
import { Mentor } from './core/mentor';
import { DeliveryRegistry } from './core/plans/delivery-registry';
import { HttpRoutes } from './ops/http-routes';
import { createLogger } from './ops/logger';
import { Metrics } from './ops/metrics';
import { OpsServer, type ReadinessCheck } from './ops/ops-server';

const SHUTDOWN_TIMEOUT_MS = 10_000;

function readConfig(): Config {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${isBotError(error) ? error.userMessage : describeError(error)}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const useTerminal = config.terminal || (!config.discord && !config.slack);
  const logger = createLogger({
    level: useTerminal && !config.logLevelSet ? 'warn' : config.logLevel,
    secrets: secretsOf(config),
  });

  const knowledge = await openKnowledge(config, logger);
  knowledge.watch();
  const stores = buildStores(config, logger);
  // The queue gauge is read at scrape time through `queueCounts`, set once the plans exist.
  let queueCounts: () => Promise<Record<string, number>> = async () => ({});
  const metrics = new Metrics(() => queueCounts());
  const insights = metrics.observeFeedback(stores.insights);
  const curriculum = loadCurriculum(config, logger, knowledge.current);
  const mentor = new Mentor({ knowledge: () => knowledge.current, curriculum: () => curriculum });

  // Every deliverer exists before the plan worker starts; the adapters get the core below. Only the
  // platforms configured are loaded (src/adapters/platforms.ts).
  const platforms = await loadPlatforms(config, 'bot');
  const context: PlatformContext = {
    config,
    logger,
    role: 'bot',
    redis: stores.redis,
    keyPrefix: stores.keyPrefix,
    httpRoutes: new HttpRoutes(),
  };
  const ownDeliverers = platforms.map((platform) => platform.createDeliverer(context));
  const deliverers = new DeliveryRegistry(
    platforms.map((platform, i) => ({
      deliverer: ownDeliverers[i]!,
      targetSchema: platform.deliveryTargetSchema,
    })),
    (platform, ok) => metrics.delivered(platform, ok ? 'delivered' : 'failed'),
  );
  // Study plans: BullMQ on Redis (with a worker here unless PLAN_WORKER=false), or in memory.
  const plans = buildPlans({
    config,
    logger,
    knowledge: () => knowledge.current,
    deliverers,
    curriculum,
  });
  queueCounts = () => plans.queueCounts();
  // The one conversation core every adapter talks to.
  const core = new ConversationCore({
    mentor,
    insights,
    limiter: stores.limiter,
    plans: plans.service,
    companion: plans.companion,
    contexts: buildContextStore(stores.redis),
    observe: (answer, seconds) => metrics.answered(answer, seconds),
    observeLimited: () => metrics.rateLimited(),
  });

  const adapters: Adapter[] = [];
  let ops: OpsServer | undefined;
  const shutdown = gracefulShutdown({
    logger,
    message: 'shutting down',
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    stop: async () => {
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await plans
        .close()
        .catch((error: unknown) => logger.error({ error: describeError(error) }, 'plans close failed'));
      await ops?.stop();
      await stores.close();
      knowledge.close();
    },
  });

  platforms.forEach((platform, i) => {
    adapters.push(
      platform.createAdapter({
        ...context,
        core,
        deliverer: ownDeliverers[i]!,
        onExit: () => void shutdown('stdin closed'),
      }),
    );
  });
  const checks = (): ReadinessCheck[] => [
    { name: 'knowledge', check: () => knowledge.current.units.length > 0 },
    ...stores.checks,
    ...adapters.map((a) => ({ name: a.name, check: () => a.isReady() })),
    // One check per gateway shard, once the adapter knows its shards.
    ...adapters.flatMap((a) =>
      (a.shards?.() ?? []).map((s) => ({ name: `${a.name}-shard-${s.id}`, check: () => s.ready })),
    ),
  ];
  metrics.observeShards(() => adapters.map((a) => ({ platform: a.name, shards: a.shards?.() ?? [] })));
  ops =
    config.opsPort === undefined
      ? undefined
      : new OpsServer({ port: config.opsPort, metrics, checks, logger });
  await ops?.start();
  // Platforms connect side by side.
  // One adapter failing to start (a revoked token) must not stop the others; /readyz names it.
  const started = await Promise.allSettled(
    adapters.map(async (adapter) => {
      await adapter.start();
      logger.info({ adapter: adapter.name }, 'adapter started');
    }),
  );
  started.forEach((result, i) => {
    if (result.status === 'rejected')
      logger.error(
        { adapter: adapters[i]?.name, error: describeError(result.reason) },
        'adapter failed to start',
      );
  });
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed && started.every((r) => r.status === 'rejected')) throw failed.reason;
  logger.info({ adapters: adapters.map((a) => a.name) }, 'ready');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backend-mentor failed to start: ${isBotError(error) ? error.userMessage : describeError(error)}\n`,
  );
  process.exit(1);
});
