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
  // (mentoring over the engine): floors a little below what was measured on 2026-12-02 after this
  // round's merges (dev 98/2/0, holdout 91/6/3, unseen 100/0/0, quality 85/4/11, fresh 86/5/9,
  // fresh2 67/21/12, fresh3 79/2/19, fresh4 69/20/11, fresh5 60/18/22, fresh6 55/30/15, fresh7 33/35/33 blind, 41/29/31 after the title and passing-mention changes, fresh8 42/32/26 blind, fresh9 65/22/12 blind), with room
  // for a question or two: answers on a small knowledge sit close to their thresholds. Each set was
  // labelled blind; all but fresh5 and fresh6 were worked on afterwards (fresh9 by two general changes, 69/20/10 after the nine sections). fresh5 and fresh6 were
  // collected this round and never tuned on (first scores 58/17/25 and 63/20/18, before this
  // round's merges). The targets are right >= 90%, answered with nothing relevant <= 5%, refused
  // answerable <= 5%; all but the dev and unseen sets are short of them. On 2026-12-03, after nine
  // career sections (specialisation, data science, DevOps roadmap, niche languages, mocking,
  // post-bootcamp search, teenage internships, communities, a good hire): fresh3 83/4/13,
  // fresh4 74/17/9, fresh5 67/15/18, fresh6 70/15/15, fresh7 59/20/20, fresh8 52/19/29; right
  // floors follow, still a question or two below. Session 9 (2026-12-03): fresh10, 60 questions
  // collected blind (first score 62/23/15); after its general changes and knowledge: holdout 94,
  // fresh3 85, fresh4 77, fresh9 82, fresh10 63; floors follow, a question or two below.
  // Session 13, third knowledge round (sections worded as long posts ask them): fresh2 71/16/14,
  // fresh4 83/17/0, fresh7 69/14/16, fresh8 55/16/29; right floors follow, a question or two below.
  // Session 14, general reading changes (the start path only for someone starting out, a post to a
  // person that asks their view on a matter, "what's your advice", clauses a question refers back to,
  // "go for" the verb): fresh5 73/7/20, fresh6 78/13/10, fresh7 76/12/12, fresh11 95/5/0; floors
  // follow, a question or two below. Then "X or Y" compared only when the "or" sets the two named
  // against each other, and not by a passing mention in a long post: fresh2 74/9/17, floor follows.
  test.each([
    ['real-questions', { right: 0.96, irrelevant: 0.04, refused: 0.02 }],
    ['real-questions-holdout', { right: 0.9, irrelevant: 0.1, refused: 0.07 }],
    ['real-questions-unseen', { right: 0.95, irrelevant: 0.05, refused: 0.05 }],
    ['real-questions-quality', { right: 0.85, irrelevant: 0.08, refused: 0.15 }],
    ['real-questions-fresh', { right: 0.87, irrelevant: 0.08, refused: 0.08 }],
    ['real-questions-fresh2', { right: 0.71, irrelevant: 0.12, refused: 0.18 }],
    ['real-questions-fresh3', { right: 0.85, irrelevant: 0.08, refused: 0.1 }],
    ['real-questions-fresh4', { right: 0.8, irrelevant: 0.23, refused: 0.15 }],
    ['real-questions-fresh5', { right: 0.7, irrelevant: 0.1, refused: 0.22 }],
    ['real-questions-fresh6', { right: 0.75, irrelevant: 0.15, refused: 0.13 }],
    ['real-questions-fresh7', { right: 0.73, irrelevant: 0.14, refused: 0.15 }],
    ['real-questions-fresh8', { right: 0.52, irrelevant: 0.26, refused: 0.32 }],
    ['real-questions-fresh9', { right: 0.87, irrelevant: 0.13, refused: 0.04 }],
    // Session 13: fresh10 82/17/2 and fresh13 88/8/3 after general changes (a verb and its particle as
    // one word, a name as the subject of a short question, telling words of a passing use); with the
    // session's knowledge merged, fresh10 92/8/0 and fresh13 97/3/0; floors follow, a question or two below.
    ['real-questions-fresh10', { right: 0.88, irrelevant: 0.12, refused: 0.04 }],
    // Session 10 (2026-12-03): fresh11, 60 questions collected and labelled blind; first score 68/22/10.
    ['real-questions-fresh11', { right: 0.92, irrelevant: 0.08, refused: 0.04 }],
    // Session 11 (2026-12-06): fresh12, 60 questions collected and labelled blind; first score 70/22/8.
    // After the session's general changes and knowledge: fresh3 88, fresh9 90, fresh10 77,
    // fresh11 90 (tuned on), fresh12 80 (tuned on after its first score); floors a question or two below.
    ['real-questions-fresh12', { right: 0.91, irrelevant: 0.07, refused: 0.05 }],
    // fresh13, 60 questions collected and labelled blind late in session 11: first score 77/12/12.
    ['real-questions-fresh13', { right: 0.93, irrelevant: 0.07, refused: 0.04 }],
    // Session 12 (2026-12-07): fresh14 and fresh15, 120 questions collected and labelled blind, shuffled
    // and split. fresh14 first scored 65/25/10 and was worked on (75/18/7); fresh15 was held out (first
    // 57/25/18 mid-session, 57/27/17 at the end: the session's changes did not carry over to it).
    // Session 13 (2026-12-07), knowledge round of issue 11 (Redis, when not to cache, sections worded as
    // people ask): fresh 91/5/4, fresh7 63/16/20, fresh10 90/10/0, fresh13 95/5/0, fresh14 82/13/5;
    // floors follow, a question or two below. A second round (internships with zero experience, peer
    // reviews, free hosting, error details in 500s, system design screens): fresh9 92/8/0, fresh10
    // 92/8/0, fresh11 93/7/0, fresh12 95/3/2, fresh14 83/13/3; floors follow again.
    ['real-questions-fresh14', { right: 0.8, irrelevant: 0.17, refused: 0.07 }],
    ['real-questions-fresh15', { right: 0.55, irrelevant: 0.3, refused: 0.2 }],
    // Session 14 (2026-12-08): fresh16, 70 questions collected and labelled blind (55 answerable, 15
    // out of scope) and held out like fresh15; first score 81/11/7, floors a question or two below.
    ['real-questions-fresh16', { right: 0.78, irrelevant: 0.14, refused: 0.1 }],
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

  // Floors of the public knowledge sets (eval/corpora/, rebuilt by scripts/fetch-corpora.mjs; a set
  // whose corpus was not fetched has no test here), one point below what was measured: hit@1, the
  // share whose top unit is the topic itself, and the off-topic "I don't know" rate. fastify-docs,
  // expressjs-site and obsidian-help were labelled blind (first scores 66/56/100, 77/73/100 and 69/62/100),
  // and so were eng-practices and vue-docs (first scores 51/43/100 and 51/49/80, floors set from them);
  // art-of-command-line was labelled before its long plain tips became units (85/15/100 then, 85/75/100 after).
  // engineering-playbook's topic floor fell a point in session 12: for "why should we rotate secrets?"
  // the section "Why Secrets Rotation" now leads its tied neighbour "Secrets Rotation" (still a hit).
  // eng-practices rose to 54/46/100 in session 12 when a list item whose label colon has nothing after
  // it (a quoted example `"tag:"`) stopped being a unit of its own: floors raised with it.
  // coding-interview-university's topic share rose to 74 in session 12 when a defined item named by the
  // question only in everyday words ("In practice") gave way to a section that covers more of it, and
  // engineering-playbook's hit@1 rose to 86 with it ("dev containers in vs code" now answered with them).
  // obsidian-help rose to 81/73 in session 13 when a page about templates (`Templates.md`,
  // `template-syntax.md`) stopped being skipped as a template to copy; eng-practices' hit@1 rose to 57
  // when a pull request, a PR and a CL (changelist) became one term of the glossary. vue-docs' off-topic
  // rate rose to 100 when a short question's second unit stopped completing a lead that holds only an
  // everyday word of it ("register a car after moving" -> "Move Transitions").
  // Session 14 raised six floors: engineering-playbook's topic share to 74 ("how do I start using dev
  // containers" is searched, not read as the learning path, without a curriculum); api-guidelines
  // to 83/71, art-of-command-line's topic to 80, fastify-docs' to 66 and redis-docs' to 69 (a title
  // of a word or two named whole gives way to a unit covering most of the question); obsidian-help
  // to 85/77 (a document lifted over another page's mention keeps its better-covering sections above it).
  const PUBLIC_FLOORS: Record<string, { hit: number; topic: number; none: number }> = {
    'api-guidelines': { hit: 0.82, topic: 0.7, none: 1 },
    'art-of-command-line': { hit: 0.84, topic: 0.79, none: 1 },
    'coding-interview-university': { hit: 0.88, topic: 0.73, none: 1 },
    'eng-practices': { hit: 0.56, topic: 0.45, none: 1 },
    'engineering-playbook': { hit: 0.85, topic: 0.73, none: 1 },
    'expressjs-site': { hit: 0.85, topic: 0.82, none: 1 },
    'fastify-docs': { hit: 0.7, topic: 0.65, none: 1 },
    'js-testing': { hit: 0.99, topic: 0.99, none: 1 },
    nodebestpractices: { hit: 0.9, topic: 0.9, none: 1 },
    'obsidian-help': { hit: 0.84, topic: 0.76, none: 1 },
    'redis-docs': { hit: 0.85, topic: 0.68, none: 1 },
    // rust-book (an mdBook) and typescript-handbook (front-matter titles, twoslash code, handbook v1 and
    // v2 side by side) were added in session 14 with 40 questions each, labelled blind; first scores
    // 54/54/100 and 37/34/100 (plain MiniSearch 34/34/0 and 14/14/0), floors a point below.
    'rust-book': { hit: 0.53, topic: 0.53, none: 1 },
    'system-design-101': { hit: 0.9, topic: 0.9, none: 1 },
    'system-design-primer': { hit: 0.99, topic: 0.96, none: 1 },
    'tech-interview-handbook': { hit: 0.9, topic: 0.85, none: 1 },
    // typescript-handbook rose to 40/37 when a symbol written alone in a heading ("Postfix `!`") became
    // searchable by its name ("exclamation mark").
    'typescript-handbook': { hit: 0.39, topic: 0.36, none: 1 },
    // vue-docs rose to 57/54 in session 13 (a name as the subject of a short question), and its
    // off-topic questions to 100% (no second unit completing a lead held by one everyday word), then
    // to 60/57 in session 14 (a part before a topic with no text of its own whose first child holds the
    // question's other words: "Eager Watchers" before "Watchers").
    'vue-docs': { hit: 0.58, topic: 0.55, none: 1 },
  };
  const fetched = discoverSets([], join(ROOT, 'eval')).filter(
    (s) => s.knowledge.startsWith('eval/corpora/') && existsSync(join(ROOT, s.knowledge)),
  );
  test('every public knowledge set has a floor, fetched or not', () => {
    const external = discoverSets([], join(ROOT, 'eval')).filter((s) =>
      s.knowledge.startsWith('eval/corpora/'),
    );
    expect(external.length).toBeGreaterThan(0);
    expect(external.map((s) => s.name).filter((name) => !PUBLIC_FLOORS[name])).toEqual([]);
  });
  // Jest refuses an empty table, and a fresh clone (CI) has no corpora: the sets then have no test.
  const publicCases = fetched.map((s) => [s.name, s] as const);
  if (publicCases.length > 0)
    test.each(publicCases)(
      '%s (public knowledge): hit@1, topic itself and off-topic at their floors',
      (name, set) => {
        const floor = PUBLIC_FLOORS[name];
        expect(floor).toBeDefined();
        const knowledge = KnowledgeBase.load({ dir: join(ROOT, set.knowledge), logger: silentLogger });
        const questions = parseQuestionSet(readFileSync(resolve(ROOT, set.questions), 'utf8'));
        const ours = scoreBot(knowledge.current, join(ROOT, set.knowledge), questions);
        expect(ours.hit).toBeGreaterThanOrEqual(floor!.hit);
        expect(ours.topic).toBeGreaterThanOrEqual(floor!.topic);
        expect(ours.none).toBeGreaterThanOrEqual(floor!.none);
      },
    );

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
        'fastify-docs',
        'expressjs-site',
      ]),
    );
  });
});
