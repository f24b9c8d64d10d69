/**
 * `npm run eval [set.jsonl ...] [--verbose]`: scores every question set against its knowledge and
 * prints, per set, hit@1, the share whose top unit is the topic itself, the honest "I don't know" rate
 * on off-topic questions, and the same for plain MiniSearch over the same text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentorAnswer } from '../src/core/answers/mentoring';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { loadCurriculumFile } from '../src/core/plans/curriculum';
import { createTechnologyResolver } from '../src/core/plans/resolve-technologies';
import { type EvalScores, parseQuestionSet, scoreEngine, scorePlainMiniSearch } from '../src/core/search/evaluate';
import { discoverSets } from './sets';

const pct = (v: number) => (Number.isNaN(v) ? '  n/a' : `${(v * 100).toFixed(0).padStart(4)}%`);
const line = (label: string, s: EvalScores) =>
  `  ${label.padEnd(16)} hit@1 ${pct(s.hit)}   topic itself ${pct(s.topic)}   off-topic "I don't know" ${pct(s.none)}`;

/** The three behaviour shares of issue 11, printed for sets of real questions (`real-*.jsonl`). */
const behaviourLine = (label: string, s: EvalScores) =>
  `  ${label.padEnd(16)} right ${pct(s.right)}   answered, nothing relevant ${pct(s.irrelevant)}   refused answerable ${pct(s.refused)}`;

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const sets = discoverSets(args.filter((a) => !a.startsWith('--')));
  for (const set of sets) {
    if (!existsSync(set.knowledge)) {
      console.log(`${set.name}: skipped, knowledge ${set.knowledge} is missing (node scripts/fetch-corpora.mjs)`);
      continue;
    }
    const questions = parseQuestionSet(readFileSync(set.questions, 'utf8'), set.questions);
    const started = performance.now();
    const knowledge = await KnowledgeBase.open({ dir: set.knowledge, logger: silentLogger });
    const snapshot = knowledge.current;
    // The bot's own answering: mentoring (scope, intents, rephrasings, curriculum) over the engine.
    const curriculumFile = join(set.knowledge, 'curriculum.yml');
    const curriculum = existsSync(curriculumFile) ? loadCurriculumFile(curriculumFile) : undefined;
    const resolve = curriculum ? createTechnologyResolver(curriculum) : undefined;
    const ours = scoreEngine(snapshot, questions, (q) =>
      mentorAnswer(q, { index: snapshot.index, units: snapshot.units, curriculum, resolve }),
    );
    const plain = scorePlainMiniSearch(snapshot.units, questions);
    const ms = Math.round(performance.now() - started);
    console.log(`${set.name}: ${questions.length} questions, ${snapshot.units.length} units (${ms} ms)`);
    console.log(line('backend-mentor', ours));
    console.log(line('plain MiniSearch', plain));
    if (set.name.startsWith('real-')) {
      console.log(behaviourLine('  behaviour', ours));
      console.log(behaviourLine('  plain', plain));
    }
    if (verbose) for (const m of ours.misses) console.log(`    ${m}`);
    knowledge.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
