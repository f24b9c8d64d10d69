/**
 * What a question is about, read from a search outcome. Pure functions over {@link SearchOutcome}.
 */
import type { SearchOutcome } from './search-index';

/**
 * Whether the question's weightiest word is one the knowledge lacks (or weighs as much as every word
 * it has): that word is the question's subject ("what should I feed a kitten", "how often should I
 * water a cactus"), and the words found are used in another sense.
 */
export function lacksSubject(outcome: Pick<SearchOutcome, 'terms'>): boolean {
  const known = outcome.terms.filter((t) => t.matches.length > 0).map((t) => t.idf);
  const lacked = outcome.terms.filter((t) => t.matches.length === 0).map((t) => t.idf);
  return lacked.length > 0 && Math.max(...lacked) >= Math.max(0, ...known);
}
