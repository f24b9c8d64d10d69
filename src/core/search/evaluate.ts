import MiniSearch from 'minisearch';
import { type Answer, composeAnswer } from '../answers/compose-answer';
import type { KnowledgeSnapshot } from '../knowledge/knowledge-base';
import type { KnowledgeUnit } from '../knowledge/types';

/** One question of an evaluation set (the format of the shared scorer, plus an optional expected topic). */
export interface EvalQuestion {
  q: string;
  /** The answer must contain one of these phrases (case-insensitive). */
  any?: string[];
  /** The knowledge does not cover it: the honest answer is "I don't know". */
  none?: boolean;
  /** Title of the unit that should lead the answer. */
  topic?: string;
  /** Where the expected answer lives in the source (informative). */
  url?: string;
}

/**
 * Scores of one engine on one set, as shares 0..1 (NaN when the set has no such question): `topic` is
 * the share of questions naming an expected topic whose answer is found and led by that very unit.
 * The behaviour shares of issue 11 are over every question of the set and add up to 1: `right` (a
 * relevant answer, or "I don't know" to a question labelled `none`), `irrelevant` (an answer with
 * nothing relevant, including any answer to a `none` question) and `refused` (an answerable question
 * met with "I don't know").
 */
export interface EvalScores {
  hit: number;
  topic: number;
  none: number;
  right: number;
  irrelevant: number;
  refused: number;
  misses: string[];
}

/** What one engine answers: matched or not, the text shown, and the unit that leads it. */
interface EngineAnswer {
  matched: boolean;
  text: string;
  lead?: KnowledgeUnit;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Parses a JSONL question set; malformed lines are reported by number. */
export function parseQuestionSet(text: string, name = 'set'): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as EvalQuestion;
      } catch {
        throw new Error(`${name}:${n}: not a JSON object`);
      }
    });
}

function score(questions: readonly EvalQuestion[], answer: (q: string) => EngineAnswer): EvalScores {
  let hit = 0;
  let topic = 0;
  let withTopic = 0;
  let inScope = 0;
  let none = 0;
  let offTopic = 0;
  let irrelevant = 0;
  let refused = 0;
  const misses: string[] = [];
  for (const c of questions) {
    const a = answer(c.q);
    if (c.none) {
      offTopic++;
      if (!a.matched) none++;
      else irrelevant++;
      if (a.matched) misses.push(`answered off-topic: ${c.q} -> ${a.lead?.title ?? ''}`);
      continue;
    }
    inScope++;
    const text = a.text.toLowerCase();
    const found = a.matched && (c.any ?? []).some((p) => text.includes(p.toLowerCase()));
    if (found) hit++;
    else if (a.matched) irrelevant++;
    else refused++;
    const lead = a.lead;
    if (c.topic) withTopic++;
    const isTopic = c.topic ? found && lead !== undefined && norm(lead.title) === norm(c.topic) : found;
    if (c.topic && isTopic) topic++;
    if (!found) misses.push(`miss: ${c.q} -> ${a.matched ? (lead?.title ?? '') : "I don't know"}`);
    else if (!isTopic) misses.push(`not the topic: ${c.q} -> ${lead?.title ?? ''}`);
  }
  const share = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const all = questions.length;
  return {
    hit: share(hit, inScope),
    topic: share(topic, withTopic),
    none: share(none, offTopic),
    right: share(hit + none, all),
    irrelevant: share(irrelevant, all),
    refused: share(refused, all),
    misses,
  };
}

/** Scores the engine (search + composed answer, as users get it) on a question set. */
export function scoreEngine(
  snapshot: KnowledgeSnapshot,
  questions: readonly EvalQuestion[],
  answerOf: (question: string) => Answer = (q) =>
    composeAnswer(q, snapshot.index.search(q), snapshot.index, snapshot.units),
): EvalScores {
  const { index } = snapshot;
  return score(questions, (q) => {
    const answer = answerOf(q);
    const lead = answer.sources[0] ? index.get(answer.sources[0].id) : undefined;
    return { matched: answer.matched, text: answer.markdown, lead };
  });
}

/**
 * Scores plain MiniSearch over the same units (title and text, default tokenizer, prefix and fuzzy
 * search): it answers with its best unit whenever anything matches.
 */
export function scorePlainMiniSearch(
  units: readonly KnowledgeUnit[],
  questions: readonly EvalQuestion[],
): EvalScores {
  const mini = new MiniSearch<KnowledgeUnit>({
    fields: ['title', 'text'],
    extractField: (u, f) => (f === 'id' ? u.id : f === 'title' ? u.title : u.text),
  });
  mini.addAll(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  return score(questions, (q) => {
    const best = mini.search(q, { prefix: true, fuzzy: 0.2 })[0];
    const lead = best ? byId.get(String(best.id)) : undefined;
    return { matched: lead !== undefined, text: lead ? `${lead.title}\n${lead.markdown}` : '', lead };
  });
}
