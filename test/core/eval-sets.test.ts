import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverSets } from '../../eval/sets';
import { mentorAnswer } from '../../src/core/answers/mentoring';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/knowledge-base';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base';
import { silentLogger } from '../../src/core/logger';
import { loadCurriculumFile } from '../../src/core/plans/curriculum';
import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { parseQuestionSet, scoreEngine, scorePlainMiniSearch } from '../../src/core/search/evaluate';

const ROOT = join(__dirname, '../..');
const OWN_KNOWLEDGE = ['knowledge', 'test/fixtures/knowledge-alt'];

/**
 * Regression floors of what the bot answers (mentoring over the engine), just below what was measured
 * on 2026-12-02 (alt-dev 100%, seed-dev 95%, shared sample 34/34).
 */
const FLOORS: Record<string, number> = { 'alt-dev': 0.96, 'seed-dev': 0.94 };

/** Scores a set the way users get answers: `mentorAnswer` with the knowledge's curriculum, if any. */
function scoreBot(snapshot: KnowledgeSnapshot, dir: string, questions: ReturnType<typeof parseQuestionSet>) {
  const file = join(dir, 'curriculum.yml');
  const curriculum = existsSync(file) ? loadCurriculumFile(file) : undefined;
  const resolveTech = curriculum ? createTechnologyResolver(curriculum) : undefined;
  return scoreEngine(snapshot, questions, (q) =>
    mentorAnswer(q, { index: snapshot.index, units: snapshot.units, curriculum, resolve: resolveTech }),
  );
}

describe('npm run eval on the question sets of our own knowledge', () => {
  const own = discoverSets([], join(ROOT, 'eval')).filter((s) => OWN_KNOWLEDGE.includes(s.knowledge));
  // Questions we wrote meet the targets; questions people asked in public do not yet (issue 11).
  const sets = own.filter((s) => s.name !== 'real-questions');
  const real = own.find((s) => s.name === 'real-questions');

  test('finds the sets of our own knowledge', () => {
    expect(sets.map((s) => s.name)).toEqual(expect.arrayContaining(['alt-dev', 'seed-dev']));
  });

  test.each(sets.map((s) => [s.name, s] as const))(
    '%s: hit@1 at its floor, off-topic >= 85%%, above plain MiniSearch',
    (name, set) => {
      const knowledge = KnowledgeBase.load({ dir: join(ROOT, set.knowledge), logger: silentLogger });
      const questions = parseQuestionSet(readFileSync(resolve(ROOT, set.questions), 'utf8'));
      const ours = scoreBot(knowledge.current, join(ROOT, set.knowledge), questions);
      const plain = scorePlainMiniSearch(knowledge.current.units, questions);
      expect(ours.hit).toBeGreaterThanOrEqual(FLOORS[name] ?? 0.9);
      if (!Number.isNaN(ours.none)) expect(ours.none).toBeGreaterThanOrEqual(0.85);
      expect(ours.hit).toBeGreaterThan(plain.hit);
    },
  );

  // The behaviour shares of issue 11 on questions people asked in public, as users get answers
  // (mentoring over the engine): floors just below what was measured on 2026-12-02 (dev 98/2/0,
  // holdout 88/6/6, unseen 100/0/0, quality 85/4/11, fresh 86/5/9, fresh2 62/22/16, fresh3 75/4/21,
  // fresh4 54/26/20). Each set was labelled blind; fresh, fresh2, fresh3 and fresh4 were worked on
  // afterwards (first scores 66/21/13, 40/40/21, 63/13/25 and 40/34/26; fresh4 by knowledge sections
  // for its gaps and the labels those sections answer), so none is a blind measure any more: the
  // next round needs a new set. The targets are right >= 90%, answered with nothing relevant <= 5%,
  // refused answerable <= 5%; all but the dev and unseen sets are short of them.
  test.each([
    ['real-questions', { right: 0.97, irrelevant: 0.03, refused: 0.01 }],
    ['real-questions-holdout', { right: 0.9, irrelevant: 0.07, refused: 0.04 }],
    ['real-questions-unseen', { right: 0.95, irrelevant: 0.05, refused: 0.05 }],
    ['real-questions-quality', { right: 0.84, irrelevant: 0.05, refused: 0.12 }],
    ['real-questions-fresh', { right: 0.83, irrelevant: 0.08, refused: 0.1 }],
    // fresh2: one start question the learning path answered with nothing relevant ("getting started ...
    // bumps in the road like in terms of learning") is refused since start questions need a subject the
    // knowledge has: 53/24/22.
    ['real-questions-fresh2', { right: 0.52, irrelevant: 0.25, refused: 0.23 }],
    ['real-questions-fresh3', { right: 0.7, irrelevant: 0.07, refused: 0.24 }],
    ['real-questions-fresh4', { right: 0.42, irrelevant: 0.32, refused: 0.27 }],
  ] as const)('%s (questions people asked in public): behaviour at its floor', (name, floor) => {
    const set = name === 'real-questions' ? real : discoverSets([join(ROOT, 'eval', `${name}.jsonl`)])[0];
    expect(set).toBeDefined();
    const knowledge = KnowledgeBase.load({ dir: join(ROOT, set!.knowledge), logger: silentLogger });
    const ours = scoreBot(
      knowledge.current,
      join(ROOT, set!.knowledge),
      parseQuestionSet(readFileSync(resolve(ROOT, set!.questions), 'utf8')),
    );
    expect(ours.right).toBeGreaterThanOrEqual(floor.right);
    expect(ours.irrelevant).toBeLessThanOrEqual(floor.irrelevant);
    expect(ours.refused).toBeLessThanOrEqual(floor.refused);
  });

  // CI has shared/ beside the clone; a worktree reaches it at /work/shared.
  const shared =
    [join(ROOT, '../shared/eval/questions.jsonl'), '/work/shared/eval/questions.jsonl'].find(existsSync) ??
    join(ROOT, '../shared/eval/questions.jsonl');
  test('the shared sample: hit@1 at least 97% and 100% off-topic', () => {
    const knowledge = KnowledgeBase.load({ dir: join(ROOT, 'knowledge'), logger: silentLogger });
    const ours = scoreBot(
      knowledge.current,
      join(ROOT, 'knowledge'),
      parseQuestionSet(readFileSync(shared, 'utf8')),
    );
    expect(ours.hit).toBeGreaterThanOrEqual(0.97);
    expect(ours.none).toBe(1);
  });

  test('GIVEN a set whose knowledge was not fetched THEN discovery still lists it (the runner skips it)', () => {
    const external = discoverSets([], join(ROOT, 'eval')).filter((s) =>
      s.knowledge.startsWith('eval/corpora/'),
    );
    expect(external.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'system-design-101',
        'system-design-primer',
        'tech-interview-handbook',
        'nodebestpractices',
        'js-testing',
      ]),
    );
  });
});
