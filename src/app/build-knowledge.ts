import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config';
import { KnowledgeBase, type KnowledgeOptions } from '../core/knowledge/knowledge-base';
import type { Logger } from '../core/logger';

type KnowledgeConfig = Pick<Config, 'knowledgeDir' | 'knowledgeBaseUrl'>;

/**
 * The built parse worker beside the running bundle (`dist/knowledge-worker.js`, built with `dist/main.js`
 * and `dist/worker.js`); none when running from source (tests), which then parse on the main thread.
 */
export const PARSE_WORKER = join(__dirname, 'knowledge-worker.js');

function optionsOf(config: KnowledgeConfig, logger: Logger): KnowledgeOptions {
  return {
    dir: resolve(process.cwd(), config.knowledgeDir),
    ...(config.knowledgeBaseUrl ? { baseUrl: config.knowledgeBaseUrl } : {}),
    ...(existsSync(PARSE_WORKER) ? { parseWorker: PARSE_WORKER } : {}),
    logger,
  };
}

/**
 * Loads the knowledge directory of the configuration with files read and parsed in the parse worker
 * and indexed in short slices, so that a large directory never blocks the event loop for long (the
 * bot and the plan worker). Relative
 * paths are taken from the working directory; `KNOWLEDGE_BASE_URL` is the base of relative links.
 */
export function openKnowledge(config: KnowledgeConfig, logger: Logger): Promise<KnowledgeBase> {
  return KnowledgeBase.open(optionsOf(config, logger));
}

/** Loads the knowledge synchronously (one-shot CLI tools, which have no event loop to keep free). */
export function buildKnowledge(config: KnowledgeConfig, logger: Logger): KnowledgeBase {
  return KnowledgeBase.load(optionsOf(config, logger));
}
