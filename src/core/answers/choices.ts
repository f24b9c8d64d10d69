/**
 * Questions that ask for a decision ("should we use GraphQL?", "which language would you start
 * with?", "what would you suggest?") are answered by a section that weighs the options, not by a
 * list or a definition that happens to share the most words: the section the search itself ranks
 * near the top, titled by the question's subject or naming the technologies asked about.
 */
import { escapeRegex } from '../knowledge/text-utils';
import type { KnowledgeUnit } from '../knowledge/types';
import type { CurriculumTopic } from '../plans/curriculum';
import type { TechnologyResolver } from '../plans/resolve-technologies';
import type { SearchIndex } from '../search/search-index';

/** A title that weighs options against each other. */
export const WEIGHS_OPTIONS = /\b(?:or|vs|versus|compare|which|choos\w*|when should)\b/i;

// "Should I/we/you (still) use X", "which ... would you start with", "which one is right for me", "would you recommend", "good idea", "how
// do we pick", "is X still relevant": the question asks which option to take.
const DECISION =
  /\b(?:should|shall) (?:i|we|one|you) (?:still |really |even |also |just )?(?:use|learn|pick|choose|go with|start with|switch to|adopt|focus on|attend|join|enrol|enroll|take|try|become)\b|\bwhich\b[^?.]*\b(?:should|would|do|could|shall)\b|\bwhich (?:one |option )?is (?:right|best|better) for (?:me|you|us)\b|\b(?:would|do|can|could) you (?:suggest|recommend)\b|\b(?:good|bad) (?:idea|choice)\b|\bhow (?:do|should|can|would) (?:i|we|you|one) (?:pick|choose|select|decide on)\b|\bstill (?:relevant|worth|alive|used|in demand)\b/i;

// A title that asks how to do something ("... how do I run the job search afterwards?"): a procedure,
// which does not weigh whether to do it.
const HOW_TO = /\bhow (?:do|can|should|would) (?:i|we|you|one)\b/i;

/** How many of the search's best hits may hold the section that weighs the options. */
const CHOICE_WINDOW = 5;

const namePatterns = new WeakMap<CurriculumTopic, RegExp[]>();

/** True when `text` names the topic (its title, id or an alias) as a whole word. */
export function names(text: string, topic: CurriculumTopic): boolean {
  let patterns = namePatterns.get(topic);
  if (!patterns) {
    patterns = [topic.title, topic.id, ...topic.aliases].map(
      (name) =>
        new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegex(name.toLowerCase())}(?:$|[^\\p{L}\\p{N}#+])`, 'u'),
    );
    namePatterns.set(topic, patterns);
  }
  const lower = text.toLowerCase();
  return patterns.some((p) => p.test(lower));
}

/** True when the question asks which option to take. */
export function asksForDecision(text: string): boolean {
  return DECISION.test(text);
}

/** True when a unit is a section whose title weighs options. */
export function weighsOptions(unit: KnowledgeUnit): boolean {
  return unit.kind === 'section' && WEIGHS_OPTIONS.test(unit.title);
}

/**
 * Whether a title names, by its own name, a technology other than those asked about ("I already know
 * JavaScript: ..." is about JavaScript); a word that is only an alias of one ("API" in "Which API
 * style?") does not count.
 */
function othersInTitle(
  unit: KnowledgeUnit,
  asked: ReadonlySet<string>,
  resolve?: TechnologyResolver,
  topics?: ReadonlyMap<string, CurriculumTopic>,
): boolean {
  return (resolve?.(unit.title).ids ?? []).some((id) => {
    if (asked.has(id)) return false;
    const topic = topics?.get(id);
    return !topic || names(unit.title, { ...topic, aliases: [] });
  });
}

/**
 * The section among the search's best hits for `query` that weighs the options of the question: its
 * title weighs options and names no technology but those asked about; it names every technology
 * asked about (at least two when more were), or, when none was, its title names a word of the
 * question the lead was found by. Undefined when the search's lead already weighs options or asks a
 * question of its own other than how to do something (a section written as the answer), or when no
 * such section is near.
 */
export function choiceSection(
  query: string,
  named: readonly CurriculumTopic[],
  index: SearchIndex,
  resolve?: TechnologyResolver,
  topics?: ReadonlyMap<string, CurriculumTopic>,
): KnowledgeUnit | undefined {
  const outcome = index.search(query);
  const hits = outcome.hits.slice(0, CHOICE_WINDOW);
  const lead = hits[0];
  // A lead that weighs options, or is titled as a question of its own (not how to do something),
  // already answers the decision.
  if (
    !lead ||
    weighsOptions(lead.unit) ||
    (lead.unit.title.trim().endsWith('?') && !HOW_TO.test(lead.unit.title))
  )
    return undefined;
  const ids = new Set(named.map((t) => t.id));
  // Without a technology named, the subject is what the lead was found by ("language").
  const subject = new Set(lead.terms);
  const need = Math.min(named.length, 2);
  return hits.find((h) => {
    const u = h.unit;
    if (!weighsOptions(u)) return false;
    if (othersInTitle(u, ids, resolve, topics)) return false;
    if (named.length > 0) return named.filter((t) => names(u.text, t)).length >= need;
    return index.titleTermsOf(u).some((t) => subject.has(t));
  })?.unit;
}
