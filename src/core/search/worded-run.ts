import { STOP_WORDS } from './stop-words';

/** A run of the question's words a title repeats counts from this many words. */
export const MIN_WORDED_RUN = 4;

/**
 * The length of the longest run of consecutive words (stems, stop words included) that a question
 * and a title share, counting only runs that hold at least one word of substance: "is learning to
 * code still worth it" in "Is backend development dying, and is learning to code still worth it?".
 * A run of function words alone ("what is the difference between") is 0.
 *
 * @example
 * sharedRun(['where', 'should', 'i', 'start', 'learn', 'cloud'], ['how', 'do', 'i', 'start', 'learn', 'cloud', 'aws']); // 4
 */
export function sharedRun(question: readonly string[], title: readonly string[]): number {
  return runWords(question, title).length;
}

/** Words of grammar alone (stems): articles, pronouns, auxiliaries, prepositions, question words. */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set(
  'a an the to of in on for at by with from is are was were be been am do doe did i you we they he she it my your our their this that what which who how when where why can could should would will shall may might must and or but not'.split(
    ' ',
  ),
);

/** The words of the longest shared run that {@link sharedRun} measures (empty when there is none). */
export function runWords(question: readonly string[], title: readonly string[]): string[] {
  let best: string[] = [];
  for (let i = 0; i < question.length; i++) {
    for (let j = 0; j < title.length; j++) {
      let n = 0;
      let substance = false;
      while (i + n < question.length && j + n < title.length && question[i + n] === title[j + n]) {
        if (!STOP_WORDS.has(question[i + n]!)) substance = true;
        n++;
      }
      if (substance && n > best.length) best = question.slice(i, i + n);
    }
  }
  return best;
}

/** A title holds a question in other words only from this many distinct words of it. */
const MIN_ASKED_WORDS = 3;

/** What the promotion needs of a hit: its unit and score. */
interface Ranked<U> {
  unit: U;
  score: number;
}

/** What the promotion needs to know of the knowledge, for one question. */
export interface WordingLookup<U> {
  /** A unit's title as stems, stop words included. */
  titleStems: (unit: U) => readonly string[];
  /** How much of the question a unit covers (0..1). */
  coverage: (unit: U) => number;
  /** An item or a part of a topic: not a topic of its own, never promoted. */
  isPart: (unit: U) => boolean;
  /** How much of the question a unit's title names (0..1, weighted by rarity). */
  named: (unit: U) => number;
}

/**
 * A title that repeats a run of at least {@link MIN_WORDED_RUN} of the question's words (`sequence`,
 * stems, stop words included) leads when it covers the question as well as the lead does and the lead
 * repeats a shorter run: the section worded like the question ("Is learning to code still worth it?")
 * is its topic, though every word of that run may be too common to rank it ("learning", "worth").
 * Failing that, a title that holds every word of the question in another order leads the same way
 * ({@link askedAlike}). `window` is sorted best first and stays so.
 */
export function promoteWordedLike<U>(
  window: Ranked<U>[],
  sequence: readonly string[],
  lookup: WordingLookup<U>,
): void {
  const lead = window[0];
  if (!lead || sequence.length < MIN_WORDED_RUN) return;
  const runOf = (hit: Ranked<U>) => sharedRun(sequence, lookup.titleStems(hit.unit));
  const leadRun = runOf(lead);
  const leadCoverage = lookup.coverage(lead.unit);
  const leadTitle = new Set(lookup.titleStems(lead.unit));
  // Wording frames a question; its subject is what the title names: a title worded like "how do I
  // become a senior engineer" that names neither word ("How do I become a tech lead?") does not lead
  // one that names both.
  const leadNamed = lookup.named(lead.unit);
  // A run only a little longer than the lead's must bring a word the lead's title lacks: "does a
  // backend developer" in "How much Linux ... does a backend developer need?" is no better worded
  // for "how much does a backend developer earn" than "How much do backend developers earn?".
  const wordedBetter = (hit: Ranked<U>, run: number) =>
    run >= leadRun + 2 ||
    runWords(sequence, lookup.titleStems(hit.unit)).some((w) => !GRAMMAR_WORDS.has(w) && !leadTitle.has(w));
  let best: Ranked<U> | undefined;
  let bestRun = Math.max(leadRun, MIN_WORDED_RUN - 1);
  for (const hit of window.slice(1)) {
    const run = runOf(hit);
    if (
      run > bestRun &&
      !lookup.isPart(hit.unit) &&
      lookup.coverage(hit.unit) >= leadCoverage &&
      lookup.named(hit.unit) >= leadNamed &&
      wordedBetter(hit, run)
    ) {
      best = hit;
      bestRun = run;
    }
  }
  best ??= askedAlike(window, sequence, lookup);
  if (!best) return;
  best.score = lead.score * 1.01;
  window.sort((a, b) => b.score - a.score);
}

/**
 * The first hit below the lead whose title holds every word of the question (stop words included, in
 * any order) and adds at most one word of substance, when the lead's does not, covering the question
 * as well: "Is PHP still worth learning, or is it dead?" asks "is PHP worth learning?" in other words;
 * the seed's "PHP" item does not, and "What does a data engineer do compared with a backend
 * developer?" holds "what does a backend engineer do" but is about data engineers.
 */
function askedAlike<U>(
  window: readonly Ranked<U>[],
  sequence: readonly string[],
  lookup: WordingLookup<U>,
): Ranked<U> | undefined {
  const [lead, ...rest] = window;
  const words = new Set(sequence.filter((w) => !/^\p{N}+$/u.test(w)));
  if (!lead || words.size < MIN_ASKED_WORDS) return undefined;
  const holds = (hit: Ranked<U>) => {
    const title = lookup.titleStems(hit.unit);
    const own = new Set(title);
    const added = new Set(title.filter((w) => !words.has(w) && !STOP_WORDS.has(w)));
    return added.size <= 1 && [...words].every((w) => own.has(w));
  };
  if (holds(lead)) return undefined;
  const leadCoverage = lookup.coverage(lead.unit);
  return rest.find(
    (hit) => !lookup.isPart(hit.unit) && lookup.coverage(hit.unit) >= leadCoverage && holds(hit),
  );
}
