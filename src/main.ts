/**
 * The composition root: reads the configuration, builds every part and passes dependencies in,
 * starts the adapters whose configuration is present (the terminal when none is), and shuts down
 * gracefully on SIGINT/SIGTERM. Nothing else reads process.env.
 */
import { config as loadDotenv } from 'dotenv';
import type { Adapter } from './adapters/adapter';
import { buildDiscord } from './adapters/discord';
import { TerminalAdapter } from './adapters/terminal/terminal-adapter';
import { buildKnowledge } from './app/build-knowledge';
import { type Config, loadConfig } from './config/config';
import { AskService } from './core/ask-service';
import { describeError, isBotError } from './core/errors';
import { MemoryInsightsStore } from './core/insights';
import { Mentor } from './core/mentor';
import { MemoryRateLimiter } from './core/rate-limiter';
import { createLogger } from './ops/logger';

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
    secrets: [
      config.discord?.token,
      config.slack?.botToken,
      config.slack?.appToken,
      config.slack?.signingSecret,
    ],
  });

  const knowledge = buildKnowledge(config, logger);
  knowledge.watch();
  const insights = new MemoryInsightsStore();
  const mentor = new Mentor({ knowledge: () => knowledge.current });
  const asker = new AskService({
    mentor,
    insights,
    limiter: new MemoryRateLimiter(config.questionRateLimit, 60_000),
  });

  const adapters: Adapter[] = [];
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    knowledge.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.discord) {
    const discord = buildDiscord({
      config: config.discord,
      redisUrl: config.redisUrl,
      mentor,
      asker,
      insights,
      logger,
    });
    adapters.push(discord.adapter);
  }
  if (useTerminal) {
    adapters.push(
      new TerminalAdapter({
        mentor,
        asker,
        input: process.stdin,
        output: process.stdout,
        logger,
        onExit: () => void shutdown('stdin closed'),
      }),
    );
  }
  for (const adapter of adapters) {
    await adapter.start();
    logger.info({ adapter: adapter.name }, 'adapter started');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backend-mentor failed to start: ${isBotError(error) ? error.userMessage : describeError(error)}\n`,
  );
  process.exit(1);
});
