import type { KnowledgeUnit } from '../knowledge/types';
import type { SearchHit, SearchIndex, SearchOutcome } from '../search/search-index';
import type { OutOfScope } from './scope';

/** Where a part of an answer came from. */
export interface AnswerSource {
  id: string;
  /** Short stable key of the unit, for buttons . */
  key: string;
  title: string;
  /** Breadcrumb, document title first. */
  path: string[];
}

/** A topic the user may want next. */
export interface RelatedTopic {
  id: string;
  /** Short stable key of the unit, for buttons . */
  key: string;
  title: string;
}

/** A platform-independent answer; adapters render it. */
export interface Answer {
  question: string;
  /** False when the knowledge does not cover the question: `markdown` then says so honestly. */
  matched: boolean;
  /** The answer in Markdown, most relevant part first. */
  markdown: string;
  sources: AnswerSource[];
  /** Up to 3 topics: related ones after a match, the closest ones otherwise. */
  related: RelatedTopic[];
  /** Spelling corrections that were applied ("postgress" -> "postgresql"). */
  corrections: { from: string; to: string }[];
  /** 0..1: how much of the question the knowledge covers. */
  confidence: number;
  /** For a question about one technology: how to learn it, from the curriculum (see mentoring.ts). */
  learn?: LearnOffer;
  /** Why the question is outside what the bot answers (see scope.ts). */
  scope?: OutOfScope;
}

/** How to learn one curriculum topic, and the plan command that starts from what the user said. */
export interface LearnOffer {
  topicId: string;
  title: string;
  outcomes: string[];
  practice: string;
  doneWhen: string;
  resource?: { title: string; url: string };
  /** `plan <topic> [hours=H] [known=...]`: what the terminal hints and "Plan this" requests. */
  planCommand: string;
}

/** Below this coverage a question is "not in the knowledge". Calibrated on paraphrased, misspelt and off-topic questions. */
export const MIN_COVERAGE = 0.55;
/** A second unit joins the answer when it scores at least this share of the first. */
const SECOND_UNIT_SHARE = 0.85;
/** Query terms at least this rare count as a subject of the question ("python" in "python or java"). */
const SUBJECT_IDF = 1;
const MAX_RELATED = 3;

const source = (unit: KnowledgeUnit): AnswerSource => ({
  id: unit.id,
  key: unit.key,
  title: unit.title,
  path: unit.path,
});
const topic = (unit: KnowledgeUnit): RelatedTopic => ({
  id: unit.id,
  key: unit.key,
  title: unit.title,
});

function isAncestor(index: SearchIndex, maybeAncestor: KnowledgeUnit, unit: KnowledgeUnit): boolean {
  for (let p = unit.parentId; p; p = index.get(p)?.parentId) if (p === maybeAncestor.id) return true;
  return false;
}

function overlaps(index: SearchIndex, a: KnowledgeUnit, b: KnowledgeUnit): boolean {
  return a.id === b.id || isAncestor(index, a, b) || isAncestor(index, b, a);
}

/** The Markdown of one unit, with its parent's introduction when the unit is an item of a list that has one. */
function unitMarkdown(index: SearchIndex, unit: KnowledgeUnit): string {
  const parent = unit.parentId ? index.get(unit.parentId) : undefined;
  if (unit.kind === 'item' && parent?.intro)
    return `${unit.markdown}\n\n> ${parent.intro.replace(/\n/g, '\n> ')}`;
  return unit.markdown || `**${unit.title}**`;
}

function pickRelated(
  index: SearchIndex,
  hits: { unit: KnowledgeUnit }[],
  shown: KnowledgeUnit[],
): RelatedTopic[] {
  const related: KnowledgeUnit[] = [];
  const titles = new Set(shown.map((u) => u.title.toLowerCase()));
  const consider = (unit: KnowledgeUnit | undefined) => {
    if (!unit || related.length >= MAX_RELATED || titles.has(unit.title.toLowerCase())) return;
    if (shown.some((s) => overlaps(index, s, unit))) return;
    titles.add(unit.title.toLowerCase());
    related.push(unit);
  };
  for (const hit of hits) consider(hit.unit);
  const lead = shown[0];
  const parent = lead?.parentId ? index.get(lead.parentId) : undefined;
  for (const id of parent?.childIds ?? []) consider(index.get(id));
  return related.map(topic);
}

/** Top-level sections of the knowledge, for suggestions when nothing matched. */
function topSections(index: SearchIndex, units: readonly KnowledgeUnit[]): KnowledgeUnit[] {
  return units
    .filter((u) => u.kind === 'section' && index.get(u.parentId ?? '')?.kind === 'document')
    .slice(0, MAX_RELATED);
}

/**
 * A second unit for the answer: one that covers a subject of the question the first does not
 * ("python or java"), or one that scores nearly as well.
 */
function secondUnit(outcome: SearchOutcome, index: SearchIndex): KnowledgeUnit | undefined {
  const [first, ...rest] = outcome.hits;
  if (!first) return undefined;
  const candidates = rest.filter((h) => !overlaps(index, first.unit, h.unit));
  const subjects = outcome.terms.filter((t) => t.idf >= SUBJECT_IDF).flatMap((t) => t.matches);
  const missing = subjects.filter((term) => !first.terms.includes(term));
  // The unit most about what the first one misses: it matches a missing subject and as few of the
  // first one's subjects as possible ("Django and Flask" rather than a section naming Spring Boot too).
  const covered = subjects.filter((term) => first.terms.includes(term));
  const shared = (h: SearchHit) => h.terms.filter((term) => covered.includes(term)).length;
  const completing = candidates
    .filter((h) => h.terms.some((term) => missing.includes(term)))
    .sort((a, b) => shared(a) - shared(b) || b.score - a.score)[0];
  if (completing && completing.score >= first.score * 0.1) return completing.unit;
  const close = candidates[0];
  return close && close.score >= first.score * SECOND_UNIT_SHARE ? close.unit : undefined;
}

/**
 * Turns a search outcome into an answer: the single most relevant unit first, a second one when the
 * question compares two close matches, the sources, and up to 3 related topics. When the knowledge
 * does not cover the question, says so and names the closest topics.
 */
export function composeAnswer(
  question: string,
  outcome: SearchOutcome,
  index: SearchIndex,
  units: readonly KnowledgeUnit[],
): Answer {
  const corrections = outcome.terms
    .filter((t) => t.kind === 'corrected')
    .map((t) => ({ from: t.term, to: t.matches[0] ?? t.term }));
  const confidence = Math.round(outcome.coverage * 100) / 100;
  const [first] = outcome.hits;
  if (!first || outcome.coverage < MIN_COVERAGE) {
    const closest = outcome.hits.length > 0 ? outcome.hits.map((h) => h.unit) : topSections(index, units);
    const related = pickRelated(
      index,
      closest.map((unit) => ({ unit })),
      [],
    );
    const names = related.map((r) => `**${r.title}**`).join(', ');
    // Nothing but small talk or filler ("thanks!", "hi"): invite a question instead of apologising.
    const markdown =
      outcome.terms.length === 0
        ? `Ask me a question about what I know${names ? `, for example ${names}` : ''}.`
        : `I don't know that one: my knowledge doesn't cover it.${names ? ` The closest topics I know are ${names}.` : ''}`;
    return { question, matched: false, markdown, sources: [], related, corrections: [], confidence };
  }
  const shown = [first.unit];
  const also = secondUnit(outcome, index);
  if (also) shown.push(also);
  const markdown = shown.map((unit) => unitMarkdown(index, unit)).join('\n\n');
  return {
    question,
    matched: true,
    markdown,
    sources: shown.map(source),
    related: pickRelated(index, outcome.hits, shown),
    corrections,
    confidence,
  };
}

/** The answer for one known unit (a related-topic button): that unit, its sources and its neighbours. */
export function answerForUnit(unit: KnowledgeUnit, index: SearchIndex): Answer {
  const outcome = index.search(`${unit.title} ${unit.path.slice(0, -1).join(' ')}`);
  const hits = [
    { unit, score: Number.POSITIVE_INFINITY },
    ...outcome.hits.filter((h) => h.unit.id !== unit.id),
  ];
  return {
    question: unit.title,
    matched: true,
    markdown: unitMarkdown(index, unit),
    sources: [source(unit)],
    related: pickRelated(index, hits, [unit]),
    corrections: [],
    confidence: 1,
  };
}
