/**
 * `npm run eval [set.jsonl ...] [--verbose] [--probe probe.jsonl]`: scores every question set against
 * its knowledge and prints, per set, hit@1, the share whose top unit is the topic itself, the honest
 * "I don't know" rate on off-topic questions, and the same for plain MiniSearch over the same text.
 * With `--probe`, scores instead the probe's questions (off-topic ones, `{"none": true}`) over each
 * distinct knowledge of the sets and prints its "I don't know" rate there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentorAnswer } from '../src/core/answers/mentoring';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base';
import { silentLogger } from '../src/core/logger';
import { loadCurriculumFile } from '../src/core/plans/curriculum';
import { createTechnologyResolver } from '../src/core/plans/resolve-technologies';
import {
  type EvalQuestion,
  type EvalScores,
  parseQuestionSet,
  scoreEngine,
  scorePlainMiniSearch,
} from '../src/core/search/evaluate';
import { discoverSets, type EvalSet } from './sets';

const pct = (v: number) => (Number.isNaN(v) ? '  n/a' : `${(v * 100).toFixed(0).padStart(4)}%`);
const line = (label: string, s: EvalScores) =>
  `  ${label.padEnd(16)} hit@1 ${pct(s.hit)}   topic itself ${pct(s.topic)}   off-topic "I don't know" ${pct(s.none)}`;

/** The three behaviour shares of issue 11, printed for sets of real questions (`real-*.jsonl`). */
const behaviourLine = (label: string, s: EvalScores) =>
  `  ${label.padEnd(16)} right ${pct(s.right)}   answered, nothing relevant ${pct(s.irrelevant)}   refused answerable ${pct(s.refused)}`;

/** Scores questions the way users get answers (mentoring over the engine), and plain MiniSearch. */
async function scoreOn(dir: string, questions: readonly EvalQuestion[]) {
  const knowledge = await KnowledgeBase.open({ dir, logger: silentLogger });
  try {
    const snapshot = knowledge.current;
    // The bot's own answering: mentoring (scope, intents, rephrasings, curriculum) over the engine.
    const curriculumFile = join(dir, 'curriculum.yml');
    const curriculum = existsSync(curriculumFile) ? loadCurriculumFile(curriculumFile) : undefined;
    const resolve = curriculum ? createTechnologyResolver(curriculum) : undefined;
    const ours = scoreEngine(snapshot, questions, (q) =>
      mentorAnswer(q, { index: snapshot.index, units: snapshot.units, curriculum, resolve }),
    );
    return { ours, plain: scorePlainMiniSearch(snapshot.units, questions), units: snapshot.units.length };
  } finally {
    knowledge.close();
  }
}

async function scoreSet(set: EvalSet, verbose: boolean) {
  const questions = parseQuestionSet(readFileSync(set.questions, 'utf8'), set.questions);
  const started = performance.now();
  const { ours, plain, units } = await scoreOn(set.knowledge, questions);
  const ms = Math.round(performance.now() - started);
  console.log(`${set.name}: ${questions.length} questions, ${units} units (${ms} ms)`);
  console.log(line('backend-mentor', ours));
  console.log(line('plain MiniSearch', plain));
  if (set.name.startsWith('real-')) {
    console.log(behaviourLine('  behaviour', ours));
    console.log(behaviourLine('  plain', plain));
  }
  if (verbose) for (const m of ours.misses) console.log(`    ${m}`);
}

async function scoreProbe(file: string, sets: EvalSet[], verbose: boolean) {
  const questions = parseQuestionSet(readFileSync(file, 'utf8'), file);
  const seen = new Set<string>();
  for (const set of sets.filter((s) => !seen.has(s.knowledge) && seen.add(s.knowledge))) {
    const { ours } = await scoreOn(set.knowledge, questions);
    const refused = Math.round(ours.none * questions.length);
    console.log(`${file} on ${set.name} (${set.knowledge}): "I don't know" ${pct(ours.none)} (${refused}/${questions.length})`);
    if (verbose) for (const m of ours.misses) console.log(`    ${m}`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const probeAt = args.indexOf('--probe');
  const probe = probeAt >= 0 ? args[probeAt + 1] : undefined;
  if (probeAt >= 0 && !probe) throw new Error('--probe needs a question file');
  const files = args.filter((a, i) => !a.startsWith('--') && (probeAt < 0 || i !== probeAt + 1));
  const sets = discoverSets(files).filter((set) => {
    if (existsSync(set.knowledge)) return true;
    console.log(`${set.name}: skipped, knowledge ${set.knowledge} is missing (node scripts/fetch-corpora.mjs)`);
    return false;
  });
  if (probe) return scoreProbe(probe, sets, verbose);
  for (const set of sets) await scoreSet(set, verbose);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
