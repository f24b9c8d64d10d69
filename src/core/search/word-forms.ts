import { isEnglishWord } from './english-words';
import { STOP_WORDS } from './stop-words';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Shortest part of a compound word ("multi" + "stage") that counts as a word of its own. */
const MIN_PART = 3;
/** Shortest word a correction by English spelling is tried on ("gracefuly"); shorter ones are too ambiguous. */
const MIN_SPELLED = 5;

/**
 * The common English words one edit (a letter left out, added, changed or two swapped) away from a
 * word that is not one itself: "gracefuly" -> "gracefully". Its stem may be far from the typo's stem
 * ("grace" and "gracefuli"), so the stem vocabulary alone cannot correct it.
 */
export function englishNeighbours(word: string): string[] {
  if (word.length < MIN_SPELLED || !/^[a-z]+$/.test(word) || isEnglishWord(word)) return [];
  const out = new Set<string>();
  const consider = (candidate: string) => {
    if (candidate !== word && isEnglishWord(candidate)) out.add(candidate);
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) consider(head + tail.slice(1));
    if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      consider(head + c + tail);
      if (tail) consider(head + c + tail.slice(1));
    }
  }
  return [...out];
}

/**
 * A word written as one that the knowledge has as two ("multistage" for "multi-stage"): the two
 * known terms its letters split into, each of at least {@link MIN_PART} letters, the split with the
 * most even parts first. `termOf` gives the knowledge's term for a part, or undefined.
 */
export function splitCompound(
  word: string,
  termOf: (part: string) => string | undefined,
): [string, string] | undefined {
  if (!/^\p{L}+$/u.test(word) || word.length < 2 * MIN_PART) return undefined;
  const middle = word.length / 2;
  const cuts = [];
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) cuts.push(i);
  cuts.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
  for (const cut of cuts) {
    const left = termOf(word.slice(0, cut));
    const right = left ? termOf(word.slice(cut)) : undefined;
    if (left && right && left !== right) return [left, right];
  }
  return undefined;
}

/** Longest function word read off the front of a joined word ("on" of "oncall"). */
const MAX_PARTICLE = 4;

/**
 * A function word joined to a word the knowledge has ("oncall" for "on-call", "inprocess" for
 * "in-process"): the knowledge's term for the rest, of at least {@link MIN_PART} + 1 letters, the
 * shortest function word first. The function word itself is never a term (it is a stop word).
 */
export function afterParticle(
  word: string,
  termOf: (part: string) => string | undefined,
): string | undefined {
  if (!/^\p{L}+$/u.test(word)) return undefined;
  for (let cut = 2; cut <= MAX_PARTICLE && word.length - cut > MIN_PART; cut++) {
    if (!STOP_WORDS.has(word.slice(0, cut))) continue;
    const rest = termOf(word.slice(cut));
    if (rest) return rest;
  }
  return undefined;
}
