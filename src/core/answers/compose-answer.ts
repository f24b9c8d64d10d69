import type { KnowledgeResource, KnowledgeUnit } from '../knowledge/types';
import { stemWord, tokenize } from '../search/analyzer';
import { isEnglishWord, isEverydayWord } from '../search/english-words';
import type { SearchHit, SearchIndex, SearchOutcome } from '../search/search-index';
import { hasEveryWord, lacksHeavierWord, lacksSubject } from '../search/subjects';
import { describingWords } from '../search/wrapping-words';
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
  /** The whole answer in Markdown, most relevant part first, then the "Read more" links of its section. */
  markdown: string;
  /**
   * The answer sized for a chat message: at most about {@link LEAD_LIMIT} characters of `markdown`
   * (cut at a paragraph, list item or sentence, "…" when cut), then the "Read more" links.
   */
  lead?: string;
  /** The rest of the answer when `lead` was cut (for a "more" button or command). */
  more?: string;
  /** Links the answer's section lists for further reading (also named under `markdown`). */
  resources?: KnowledgeResource[];
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

/**
 * Below this share of the question covered by the answer's own unit(s), the question is "not in the
 * knowledge". A share, so it means the same on knowledge of any size.
 */
export const MIN_COVERAGE = 0.4;
/** At this share the lead unit answers the question on its own; below, the best hits must together cover most of it. */
const CLEAR_COVERAGE = 0.5;
/** A lead unit this many times the score of the next one is the knowledge's one place for the question. */
const DOMINANCE = 3;
/** A question of at least this many search terms is a long post. */
const LONG_QUESTION = 6;
/** How many of the question's rarer words the lead unit's title must name to answer a question it half covers. */
const TITLE_SUBJECTS = 2;
/** A word at least this share as rare as the rarest word of the knowledge can be a question's subject. */
const SUBJECT_SHARE = 0.5;
/** About how many characters of the lead unit an answer shows before "more". */
export const LEAD_LIMIT = 1500;
/** A last sentence that announces what follows it: "Here are my top tips ...", "The following ...". */
const ANNOUNCES = /(?:^|[.!?]\s+|\n)(?:here (?:are|is)|the following|below (?:are|is))\b[^.!?\n]*[.:]?\s*$/i;
/** How many "Read more" links an answer names. */
const MAX_RESOURCES = 5;
const MAX_RELATED = 3;
/** How many of the next best hits may complete a two-subject question without naming the subject. */
const SECOND_WINDOW = 5;

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
  // A list item alone lacks its list's subject: the answer names the section it comes from.
  if (unit.kind === 'item' && parent && parent.kind === 'section')
    return `${unit.markdown}\n\n_(from ${parent.title})_`;
  // A section's heading is not part of its Markdown: the answer names the topic it shows.
  let body = unit.kind !== 'item' && unit.markdown ? `**${unit.title}**\n\n${unit.markdown}` : unit.markdown;
  // An introduction that ends in ":" or announces what follows ("Here are my top tips.") is answered
  // together with what follows it.
  // A document answers a broad question about its subject ("share your best interview tips") with its
  // overview and its first section, which the overview leads into.
  const overview = unit.kind === 'document' && unit.childIds.length > 0;
  if (overview || /:\s*$/.test(body) || ANNOUNCES.test(body)) {
    for (const id of unit.childIds) {
      const child = index.get(id);
      if (!child) continue;
      body += `\n\n${child.kind === 'item' ? child.markdown : `**${child.title}**\n\n${child.markdown}`}`;
      if (overview || body.length > LEAD_LIMIT) break;
    }
  }
  return body || `**${unit.title}**`;
}

/**
 * Cuts Markdown at about `limit` characters, at the last paragraph, list item or sentence boundary
 * before it (never inside a code block): `[lead, rest]`, `rest` empty when nothing was cut.
 */
export function cutMarkdown(markdown: string, limit = LEAD_LIMIT): [string, string] {
  if (markdown.length <= limit * 1.2) return [markdown, ''];
  const head = markdown.slice(0, limit);
  const fences = (head.match(/^\s*(```|~~~)/gm) ?? []).length;
  let at = -1;
  if (fences % 2 === 1) at = head.search(/\n\s*(```|~~~)[^\n]*\n(?![\s\S]*\n\s*(```|~~~))/);
  if (at <= 0) at = head.lastIndexOf('\n\n');
  if (at < limit / 2) at = Math.max(at, head.search(/\n(?=\s*([-*+]|\d+[.)])\s)[^\n]*$/));
  if (at < limit / 2) {
    const sentence = [...head.matchAll(/[.!?](\s)/g)].pop();
    if (sentence?.index !== undefined) at = Math.max(at, sentence.index + 1);
  }
  if (at < limit / 4) at = head.lastIndexOf(' ');
  if (at <= 0) at = limit;
  return [markdown.slice(0, at).trimEnd(), markdown.slice(at).trim()];
}

/** "Read more" links of the units shown, at most {@link MAX_RESOURCES}. */
function resourcesOf(units: KnowledgeUnit[]): KnowledgeResource[] {
  const seen = new Set<string>();
  const out: KnowledgeResource[] = [];
  for (const r of units.flatMap((u) => u.resources ?? [])) {
    const key = (r.url ?? r.title).toLowerCase();
    if (seen.has(key) || out.length >= MAX_RESOURCES) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

const readMore = (resources: KnowledgeResource[]) =>
  resources.length === 0
    ? ''
    : `\n\nRead more: ${resources.map((r) => (r.url ? `[${r.title}](${r.url})` : r.title)).join(', ')}`;

/** The answer text of some units: the lead cut to size, the rest as "more", and their resources. */
function sized(index: SearchIndex, shown: KnowledgeUnit[]) {
  return sizedMarkdown(shown.map((unit) => unitMarkdown(index, unit)).join('\n\n'), shown);
}

/** `whole`, the Markdown shown of `units`, with its lead, its rest and their "Read more" links. */
function sizedMarkdown(whole: string, units: KnowledgeUnit[]) {
  const [lead, more] = cutMarkdown(whole);
  const resources = resourcesOf(units);
  const links = readMore(resources);
  return {
    markdown: `${whole}${links}`,
    lead: `${lead}${more ? '\n\n…' : ''}${links}`,
    more: more || undefined,
    resources,
  };
}

/**
 * The hits that hold a word of the question itself: one found only through a related concept's
 * word ("buffer" of "protocol buffers" for gRPC, in a section about saving money) is not a related topic.
 */
function ownTermHits(outcome: SearchOutcome): SearchHit[] {
  const own = new Set(outcome.terms.flatMap((t) => t.matches));
  return outcome.hits.filter((h) => h.terms.some((t) => own.has(t)));
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
  // The first few, found without looking at every unit of a large knowledge set.
  const out: KnowledgeUnit[] = [];
  for (const u of units) {
    if (out.length >= MAX_RELATED) break;
    if (u.kind === 'section' && index.get(u.parentId ?? '')?.kind === 'document') out.push(u);
  }
  return out;
}

/**
 * A second unit for the answer, only when the question has a second subject that the first unit
 * lacks ("python or java"): a unit whose title names a subject of the question that the first unit
 * does not contain, else one of the next best hits that contains it. A subject is a question term at least as rare as the question's median term.
 */
function secondUnit(outcome: SearchOutcome, index: SearchIndex): SearchHit | undefined {
  const [first, ...rest] = outcome.hits;
  if (!first) return undefined;
  const known = outcome.terms.filter((t) => t.matches.length > 0);
  const idfs = known.map((t) => t.idf).sort((a, b) => a - b);
  const median = idfs[Math.floor((idfs.length - 1) / 2)] ?? 0;
  const subjects = known.filter((t) => t.idf >= median).flatMap((t) => t.matches);
  // A subject the first unit's title names is not missing, though too common to be searched ("backend").
  const firstTitle = index.titleTermsOf(first.unit);
  const missing = subjects.filter((term) => !first.terms.includes(term) && !firstTitle.includes(term));
  if (missing.length === 0) return undefined;
  const covered = subjects.filter((term) => first.terms.includes(term));
  // The unit most about what the first one misses: its title names a missing subject, and it matches
  // as few of the first one's subjects as possible.
  const shared = (h: SearchHit) => h.terms.filter((term) => covered.includes(term)).length;
  // A unit titled by the missing subject, else one of the best hits that contains it.
  const candidates = rest.filter((h) => !overlaps(index, first.unit, h.unit));
  const names = (h: SearchHit) => index.titleTermsOf(h.unit).some((term) => missing.includes(term));
  const contains = (h: SearchHit) => h.terms.some((term) => missing.includes(term));
  const best = (hits: SearchHit[]) => hits.sort((a, b) => shared(a) - shared(b) || b.score - a.score)[0];
  return (
    best(candidates.filter(names)) ??
    best(candidates.slice(0, SECOND_WINDOW).filter((h) => contains(h) && h.score >= first.score * 0.1))
  );
}

/**
 * Whether a hit holds only one of the question's words, the question writes it in everyday English,
 * and the words the knowledge lacks weigh more together.
 */
function holdsOnlyEverydayWord(outcome: SearchOutcome, hit: SearchHit, question: string): boolean {
  const held = outcome.terms.filter((t) => t.matches.some((m) => hit.terms.includes(m)));
  if (held.length !== 1) return false;
  const { term, idf } = held[0]!;
  const lacked = outcome.terms.filter((t) => t.matches.length === 0).reduce((sum, t) => sum + t.idf, 0);
  return (
    lacked > idf && tokenize(question).some((t) => stemWord(t.lower) === term && isEverydayWord(t.lower))
  );
}

/**
 * Whether the lead unit's title names at least {@link TITLE_SUBJECTS} of the question's words that are
 * rare enough to be its subjects (at least {@link SUBJECT_SHARE} of the rarest word's idf): "How do I negotiate salary ...?" for a long post about
 * salary negotiation.
 */
function titleNamesSubject(outcome: SearchOutcome, first: SearchHit, index: SearchIndex): boolean {
  return titleNamesSubjects(outcome, first, index, TITLE_SUBJECTS);
}

/** Whether the lead unit's title names at least `count` of the question's subject words (see {@link titleNamesSubject}). */
function titleNamesSubjects(
  outcome: SearchOutcome,
  first: SearchHit,
  index: SearchIndex,
  count: number,
  share = SUBJECT_SHARE,
): boolean {
  const title = new Set(index.titleTermsOf(first.unit));
  const rare = index.rarestIdf * share;
  const named = outcome.terms.filter((t) => t.idf >= rare && t.matches.some((m) => title.has(m)));
  return named.length >= count;
}

/**
 * Whether the lead unit's title names the question's weightiest word (the one of highest idf), a
 * verb that only describes what is asked ("how to approach a new codebase") left aside.
 */
function titleNamesWeightiest(
  outcome: SearchOutcome,
  first: SearchHit,
  index: SearchIndex,
  question: string,
): boolean {
  const describing = new Set([...describingWords(question)].map(stemWord));
  const named = outcome.terms.filter((t) => !describing.has(t.term));
  if (named.length === 0) return false;
  const heaviest = named.reduce((a, b) => (b.idf > a.idf ? b : a));
  const title = new Set(index.titleTermsOf(first.unit));
  return heaviest.matches.some((m) => title.has(m));
}

/**
 * Whether the question names something by a name the knowledge has and English lacks ("Kubernetes",
 * "DevOps") that weighs at least as much as its median word, the lead unit's title names every such
 * name, and every word the lead lacks is
 * English: the names are the subject, the English words only frame it ("Kubernetes Mastery: Is
 * Learning K8s Essential for Modern Programmers?").
 */
function titleNamesEveryName(
  outcome: SearchOutcome,
  first: SearchHit,
  index: SearchIndex,
  question: string,
): boolean {
  const words = tokenize(question);
  // Written in the question itself, not a concept a phrase of it stands for ("how long": duration).
  const written = (term: string) => words.some((w) => w.lower.startsWith(term) || stemWord(w.lower) === term);
  const english = new Set(words.filter((t) => isEnglishWord(t.lower)).map((t) => stemWord(t.lower)));
  const title = new Set(index.titleTermsOf(first.unit));
  // A name is a subject when it weighs at least as much as the question's median word ("tech" is none).
  const idfs = outcome.terms.map((t) => t.idf).sort((a, b) => a - b);
  const median = idfs[Math.floor((idfs.length - 1) / 2)] ?? 0;
  const names = outcome.terms.filter(
    (t) => t.kind === 'exact' && t.idf >= median && written(t.term) && !english.has(t.term),
  );
  const lacked = outcome.terms.filter((t) => !t.matches.some((m) => first.terms.includes(m)));
  return (
    names.length > 0 &&
    names.every((t) => t.matches.some((m) => title.has(m))) &&
    lacked.every((t) => english.has(t.term))
  );
}

/**
 * Whether the answer's unit(s) cover the question: the lead unit covers most of it, or covers enough
 * and a neighbouring hit covers the rest (the words belong together in this knowledge), or the second
 * unit of a two-subject question covers what the lead lacks.
 */
function isCovered(
  outcome: SearchOutcome,
  also: SearchHit | undefined,
  index: SearchIndex,
  question: string,
): boolean {
  const [first, ...rest] = outcome.hits;
  if (!first) return false;
  const long = outcome.terms.length >= LONG_QUESTION;
  // Half a question is not covered when the other half is its subject, a word the knowledge lacks
  // ("what should I feed a kitten": "feed" found, "kitten" not).
  const lacks = lacksSubject(outcome);
  if (outcome.coverage > CLEAR_COVERAGE || (!lacks && outcome.coverage >= CLEAR_COVERAGE)) return true;
  // A short question the answer's units hold only part of, when no title of theirs names any of its
  // words: the shared words are incidental to them ("which books can you offer me" -> a unit about offers).
  const shown = also ? [first, also] : [first];
  if (
    !long &&
    outcome.coverage < MIN_COVERAGE &&
    !shown.some((h) => titleNamesSubjects(outcome, h, index, 1, 0))
  )
    return false;
  // A long question wrapped in words the knowledge lacks, whose subject the lead unit's title names.
  if (outcome.coverage >= MIN_COVERAGE / 2 && titleNamesSubject(outcome, first, index)) return true;
  // ...or whose lead unit stands far above every other: the knowledge has one place for it. Only for a
  // long post: in a short question one shared word can stand out alone ("best pizza in new york").
  if (
    !long &&
    first.score >= DOMINANCE * (rest[0]?.score ?? 0) &&
    outcome.coverage >= MIN_COVERAGE * 0.66 &&
    titleNamesEveryName(outcome, first, index, question)
  )
    return true;
  const next = rest[0]?.score ?? 0;
  const dominant = long && first.score >= DOMINANCE * next;
  if (dominant && outcome.coverage >= MIN_COVERAGE / 2) return true;
  // Both at once, the knowledge's one place that names the post's subjects, in a post mostly of other words.
  if (dominant && outcome.coverage >= MIN_COVERAGE / 3 && titleNamesSubject(outcome, first, index))
    return true;
  const together = (h: SearchHit) => outcome.coverageOf?.([first, h]) ?? 0;
  // A second unit completes a question only with what the question is about: in a short question
  // whose weightiest word the knowledge lacks, two units that each hold one of its other words are
  // no answer ("how can I learn to play guitar as an adult": "adults" here, "play" there).
  const second = also && outcome.coverage >= MIN_COVERAGE * 0.66 && together(also) >= CLEAR_COVERAGE;
  // Nor, in a short question more about words the knowledge lacks than about the one word its lead
  // holds, one of everyday English: two units with a word each, in another sense ("register a car
  // after moving": "Move Transitions", "Registering Lifecycle Hooks"); a name held alone is the
  // subject ("dsa"), and so is a word that outweighs what is lacked ("full text search").
  const single = !long && holdsOnlyEverydayWord(outcome, first, question);
  if (second && (long || !lacks) && !single) return true;
  // A short question the knowledge has every word of, whose weightiest word the lead unit's title names:
  // the other words only frame it ("switch to a serverless architecture?" -> "When should I use serverless?").
  if (
    !long &&
    hasEveryWord(outcome) &&
    outcome.coverage >= MIN_COVERAGE * 0.66 &&
    titleNamesWeightiest(outcome, first, index, question)
  )
    return true;
  if (outcome.coverage < MIN_COVERAGE) return false;
  // Not when the question's weightiest word is one the knowledge lacks: that word is its subject
  // ("what colour should I paint my bedroom"), and the words found are used in another sense.
  if (lacksHeavierWord(outcome)) return false;
  // Every word of the question is in the knowledge and the lead unit holds a large share of them with
  // a subject in its own title: the unit is the place for it ("how do I earn a small amount of money"
  // -> "How can I earn some money while I learn to code?").
  if (hasEveryWord(outcome) && titleNamesSubjects(outcome, first, index, 1)) return true;
  return rest.slice(0, 4).some((h) => together(h) >= CLEAR_COVERAGE);
}

/** What a refusal offers instead: the closest topics, or, when nothing comes close, topics it can help with. */
function offerOf(names: string, close: boolean): string {
  if (!names) return '';
  return close
    ? ` The closest topics I know are ${names}.`
    : ` Nothing I know comes close; topics I can help with include ${names}.`;
}

/**
 * Turns a search outcome into an answer: the single most relevant unit first, a second one when the
 * question compares two close matches, the sources, and up to 3 related topics. When the knowledge
 * does not cover the question, says so and names the closest topics (or, when nothing comes close,
 * says that and names topics it can help with).
 */
export function composeAnswer(
  question: string,
  outcome: SearchOutcome,
  index: SearchIndex,
  units: readonly KnowledgeUnit[],
): Answer {
  const corrections = correctionsOf(outcome);
  const confidence = Math.round(outcome.coverage * 100) / 100;
  const [first] = outcome.hits;
  const also = secondUnit(outcome, index);
  const covered = isCovered(outcome, also, index, question);
  if (!first || !covered) {
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
        : `I don't know that one: my knowledge doesn't cover it.${offerOf(names, outcome.hits.length > 0)}`;
    return {
      question,
      matched: false,
      markdown,
      resources: [],
      sources: [],
      related,
      corrections: [],
      confidence,
    };
  }
  const shown = [first.unit];
  if (also) shown.push(also.unit);
  return {
    question,
    matched: true,
    ...sized(index, shown),
    sources: shown.map(source),
    related: pickRelated(index, ownTermHits(outcome), shown),
    corrections,
    confidence,
  };
}

/** The answer for one known unit (a related-topic button): that unit, its sources and its neighbours. */
export function answerForUnit(unit: KnowledgeUnit, index: SearchIndex): Answer {
  const outcome = index.search(`${unit.title} ${unit.path.slice(0, -1).join(' ')}`);
  const hits = [
    { unit, score: Number.POSITIVE_INFINITY },
    ...ownTermHits(outcome).filter((h) => h.unit.id !== unit.id),
  ];
  return {
    question: unit.title,
    matched: true,
    ...sized(index, [unit]),
    sources: [source(unit)],
    related: pickRelated(index, hits, [unit]),
    corrections: [],
    confidence: 1,
  };
}

/**
 * The answer for one unit narrowed to what a follow-up added (`words`: "for a junior" after a question
 * about pay): the unit's title and those of its paragraphs that hold a term of `words`. Undefined when
 * `words` has no term, or no paragraph or every paragraph holds one (the whole answer then stands).
 */
export function focusedAnswer(unit: KnowledgeUnit, index: SearchIndex, words: string): Answer | undefined {
  const wanted = new Set(index.analyzeText(words));
  if (wanted.size === 0) return undefined;
  const paragraphs = unitMarkdown(index, unit).split(/\n{2,}/);
  const heading =
    unit.kind !== 'item' && paragraphs[0] === `**${unit.title}**` ? paragraphs.shift() : undefined;
  const kept = paragraphs.filter((p) => index.analyzeText(p).some((t) => wanted.has(t)));
  if (kept.length === 0 || kept.length === paragraphs.length) return undefined;
  const whole = [heading, ...kept].filter((p) => p !== undefined).join('\n\n');
  return { ...answerForUnit(unit, index), ...sizedMarkdown(whole, [unit]) };
}

/**
 * The answer with one more unit after its lead (the section that weighs the options of a decision):
 * the lead unit, then `unit`, sized and sourced as one answer. Unchanged when `unit` is already shown
 * or is part of (or contains) the lead.
 */
export function withUnit(answer: Answer, unit: KnowledgeUnit, index: SearchIndex): Answer {
  const lead = answer.sources[0] ? index.get(answer.sources[0].id) : undefined;
  if (!lead || overlaps(index, lead, unit)) return answer;
  const shown = [lead, unit];
  return {
    ...answer,
    ...sized(index, shown),
    sources: shown.map(source),
    related: answer.related.filter((r) => r.id !== unit.id),
  };
}

/**
 * The answer without the units below its lead that the user has just been shown (`shown`, unit ids):
 * a follow-up ("and Go?") is not answered with the section of the answer before it again. Unchanged
 * when the lead itself was shown (a "why?" handles that) or nothing below it was.
 */
export function withoutShown(answer: Answer, shown: ReadonlySet<string>, index: SearchIndex): Answer {
  const [lead, ...below] = answer.sources.map((s) => index.get(s.id));
  if (!lead || shown.has(lead.id) || !below.some((u) => u && shown.has(u.id))) return answer;
  const kept = [lead, ...below.filter((u): u is KnowledgeUnit => u !== undefined && !shown.has(u.id))];
  return { ...answer, ...sized(index, kept), sources: kept.map(source) };
}

/** The spelling corrections a search applied to the question ("postgress" -> "postgresql"). */
export function correctionsOf(outcome: SearchOutcome): Answer['corrections'] {
  return outcome.terms
    .filter((t) => t.kind === 'corrected')
    .map((t) => ({ from: t.word ?? t.term, to: t.matches[0] ?? t.term }));
}
