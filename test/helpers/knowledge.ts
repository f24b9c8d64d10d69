import { join } from 'node:path';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { Mentor } from '../../src/core/mentor';
import { loadCurriculumFile } from '../../src/core/plans/curriculum';

export const PROJECT_KNOWLEDGE = join(__dirname, '../../knowledge');
/**
 * The user's seed document alone, as it was before our guides joined it: engine tests that name its
 * units run on it, so new guides in knowledge/ do not change what they measure.
 */
export const SEED_KNOWLEDGE = join(__dirname, '../fixtures/knowledge-seed');
export const ALT_KNOWLEDGE = join(__dirname, '../fixtures/knowledge-alt');

/** The project's knowledge (or another directory), loaded the way the bot loads it. */
export function loadKnowledge(dir = PROJECT_KNOWLEDGE): KnowledgeBase {
  return KnowledgeBase.load({ dir, logger: silentLogger });
}

/** A Mentor over the project's knowledge (or another directory). */
export function mentorFor(dir = PROJECT_KNOWLEDGE): Mentor {
  const knowledge = loadKnowledge(dir);
  return new Mentor({ knowledge: () => knowledge.current });
}

/** A Mentor over the project's knowledge and curriculum (answers then say how to learn a technology). */
export function mentorWithCurriculum(): Mentor {
  const knowledge = loadKnowledge();
  const curriculum = loadCurriculumFile(join(PROJECT_KNOWLEDGE, 'curriculum.yml'));
  return new Mentor({ knowledge: () => knowledge.current, curriculum: () => curriculum });
}
