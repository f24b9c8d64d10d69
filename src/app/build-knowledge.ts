import { join, resolve } from 'node:path';
import type { Config } from '../config/config';
import { KnowledgeBase } from '../core/knowledge/knowledge-base';
import type { Logger } from '../core/logger';
import { projectRoot } from './project-root';

/**
 * Loads the knowledge directory of the configuration (relative paths are taken from the working
 * directory). The project's own `knowledge/synonyms.yml` serves directories that bring no table.
 */
export function buildKnowledge(config: Pick<Config, 'knowledgeDir'>, logger: Logger): KnowledgeBase {
  return KnowledgeBase.load({
    dir: resolve(process.cwd(), config.knowledgeDir),
    fallbackSynonymsFile: join(projectRoot(), 'knowledge', 'synonyms.yml'),
    logger,
  });
}
