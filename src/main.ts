/**
 * The composition root: reads the configuration, builds every part and passes dependencies in,
 * starts the adapters whose configuration is present (the terminal when none is), and shuts down
 * gracefully on SIGINT/SIGTERM. Nothing else reads process.env.
 */
import { config as loadDotenv } from 'dotenv';
import type { Adapter } from './adapters/adapter';
import { TerminalAdapter } from './adapters/terminal/terminal-adapter';
import { buildDeliverers } from './app/build-deliverers';
import { buildKnowledge } from './app/build-knowledge';
import { buildPlans } from './app/build-plans';
import { buildStores } from './app/build-stores';
import { gracefulShutdown } from './app/graceful-shutdown';
import { type Config, loadConfig, secretsOf } from './config/config';
import { AskService } from './core/ask-service';
import { describeError, isBotError } from './core/errors';
import { Mentor } from './core/mentor';
import type { PlanDeliverer } from './core/plans/plan-service';
import { createLogger } from './ops/logger';
import { Metrics } from './ops/metrics';
import { OpsServer, type ReadinessCheck } from './ops/ops-server';
import { DeliveryRegistry } from './queue/delivery-registry';

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
  const terminalOnly = !config.discord && !config.slack;
  const useTerminal = terminalOnly || config.terminal;
  const logger = createLogger({
    level: useTerminal && !process.env.LOG_LEVEL ? 'warn' : config.logLevel,
    secrets: secretsOf(config),
  });

  const knowledge = buildKnowledge(config, logger);
  knowledge.watch();
  const stores = buildStores(config, logger);
  // The queue gauge is read at scrape time, once `plans` exists.
  const metrics = new Metrics(() => plans.queueCounts());
  const insights = metrics.observeFeedback(stores.insights);
  const mentor = new Mentor({ knowledge: () => knowledge.current });
  const asker = new AskService({
    mentor,
    insights,
    limiter: stores.limiter,
    observe: (answer, seconds) => metrics.answered(answer, seconds),
    observeLimited: () => metrics.rateLimited(),
  });
  // Study plans: BullMQ on Redis (with a worker here unless PLAN_WORKER=false), or in memory.
  const deliverers = new DeliveryRegistry([], (platform, ok) =>
    metrics.delivered(platform, ok ? 'delivered' : 'failed'),
  );
  const plans = buildPlans({ config, logger, knowledge: () => knowledge.current, deliverers });

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

  let terminal: TerminalAdapter | undefined;
  if (useTerminal) {
    terminal = new TerminalAdapter({
      mentor,
      asker,
      plans: plans.service,
      input: process.stdin,
      output: process.stdout,
      logger,
      onExit: () => void shutdown('stdin closed'),
    });
    adapters.push(terminal);
  }
  // Platform libraries are loaded only for the platforms configured.
  if (config.slack) {
    const { buildSlackAdapter } = await import('./adapters/slack/build-slack-adapter');
    adapters.push(
      buildSlackAdapter({
        slack: config.slack,
        redis: stores.redis,
        keyPrefix: stores.keyPrefix,
        logLevel: config.logLevel,
        mentor,
        asker,
        insights,
        plans: plans.service,
        logger,
      }),
    );
  }
  const platforms: PlanDeliverer[] = [];
  if (config.discord) {
    // The adapter and its deliverer share the interaction tokens (Redis when configured, else memory).
    const { buildDiscord } = await import('./adapters/discord');
    const discord = buildDiscord({
      config: config.discord,
      redis: stores.redis,
      keyPrefix: stores.keyPrefix,
      mentor,
      asker,
      insights,
      plans: plans.service,
      logger,
    });
    adapters.push(discord.adapter);
    platforms.push(discord.deliverer);
  }
  for (const deliverer of await buildDeliverers({ config, logger, terminal, platforms }))
    deliverers.register(deliverer);
  const checks: ReadinessCheck[] = [
    { name: 'knowledge', check: () => knowledge.current.units.length > 0 },
    ...stores.checks,
    ...adapters.map((a) => ({ name: a.name, check: () => a.isReady() })),
  ];
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
