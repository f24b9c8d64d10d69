/**
 * The English dictionary (the `an-array-of-english-words` package, ~275,000 words), so that a typo
 * correction never turns a real English word into another one ("bread" is not a typo of "read").
 * Loaded on first use (about 100 ms, 20 MB); {@link warmEnglishWords} loads it ahead of questions.
 */
let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  words ??= new Set(require('an-array-of-english-words') as string[]);
  return words;
}

/** True when `word` (lower case) is an English dictionary word. */
export function isEnglishWord(word: string): boolean {
  return load().has(word);
}

/** Loads the dictionary now (at knowledge load) instead of during the first question. */
export function warmEnglishWords(): void {
  load();
}
