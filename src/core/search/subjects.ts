/**
 * What a question is about, read from a search outcome. Pure functions over {@link SearchOutcome}.
 */
import type { SearchOutcome } from './search-index';

/**
 * The weight (idf) of the question's weightiest word the knowledge has (0 when none), of the
 * weightiest it lacks (-Infinity when none), and how many words it lacks.
 */
function weightiest(outcome: Pick<SearchOutcome, 'terms'>): { known: number; lacked: number; lacks: number } {
  let known = 0;
  let lacked = Number.NEGATIVE_INFINITY;
  let lacks = 0;
  for (const t of outcome.terms) {
    if (t.matches.length > 0) known = Math.max(known, t.idf);
    else {
      lacked = Math.max(lacked, t.idf);
      lacks++;
    }
  }
  return { known, lacked, lacks };
}

/**
 * Whether the question's weightiest word is one the knowledge lacks (or weighs as much as every word
 * it has): that word is the question's subject ("what should I feed a kitten", "how often should I
 * water a cactus"), and the words found are used in another sense.
 */
export function lacksSubject(outcome: Pick<SearchOutcome, 'terms'>): boolean {
  const { known, lacked, lacks } = weightiest(outcome);
  return lacks > 0 && lacked >= known;
}

/** Whether a word the knowledge lacks weighs more than every word it has (strictly: ties are known). */
export function lacksHeavierWord(outcome: Pick<SearchOutcome, 'terms'>): boolean {
  const { known, lacked } = weightiest(outcome);
  return Math.max(0, lacked) > known;
}

/** Whether the knowledge has every word of the question. */
export function hasEveryWord(outcome: Pick<SearchOutcome, 'terms'>): boolean {
  return weightiest(outcome).lacks === 0;
}
