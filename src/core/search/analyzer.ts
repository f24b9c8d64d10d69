import stem from 'wink-porter2-stemmer';
import { boundedMemo } from '../bounded-memo';
import { isEnglishWord } from './english-words';
import { STOP_WORDS } from './stop-words';

/** Groups of words and phrases that mean the same thing; the first entry names the group. */
export type SynonymGroups = readonly (readonly string[])[];

/**
 * Turns text into search terms. The same function runs at index time and at query time. `related`
 * maps a term to the terms of distinct but related concepts (searched with a lower weight).
 */
export type Analyzer = ((text: string, query?: boolean) => string[]) & {
  related?: ReadonlyMap<string, readonly string[]>;
};

/** Longest ending a glossary entry may lose to its stem and still be found by that stem. */
const MAX_INFLECTION = 3;
/** Longest token kept: longer runs of letters are cut before stemming (no word is that long). */
export const MAX_TOKEN_LENGTH = 40;

/** Distinct spellings whose reading an analyzer remembers (cleared when full). */
const SPELLING_CACHE_SIZE = 100_000;

interface Phrase {
  stems: string[];
  canonical: string;
}

/** A raw token keeps its original spelling, for the case-sensitive "Go" check. */
interface RawToken {
  raw: string;
  lower: string;
}

/** What one spelling of a word reads as on its own, whatever its neighbours: worked out once per analyzer. */
interface Spelling extends RawToken {
  /** The Porter2 stem of the lower-case word, which synonym phrases are matched by. */
  readonly stem: string;
  /** Its search terms, the words of a camelCase name included. */
  readonly terms: readonly string[];
  /** The synonym phrases that start with this word. */
  readonly phrases: readonly Phrase[] | undefined;
}

// Words with inner punctuation stay whole (node.js, ci/cd, c#, c++, .net, end-to-end); the pieces are
// split off later when the whole word is not a known synonym. A leading dot belongs to a name (".net")
// only after a space or the start: after an ellipsis ("cybersecurity...is") it ends the sentence before.
const TOKEN = /(?:(?<![.\p{L}\p{N}])\.)?[\p{L}\p{N}]+(?:[./'’_-][\p{L}\p{N}]+)*(?:#|\+\+)?/gu;
/** The same pattern for ASCII text: several times faster than Unicode property classes. */
const ASCII_TOKEN = /(?:(?<![.A-Za-z0-9])\.)?[A-Za-z0-9]+(?:[./'_-][A-Za-z0-9]+)*(?:#|\+\+)?/g;
const SPLIT = /[./'’_-]+/;
const GO_EXCLUDED_AFTER = new Set(
  'to about through into ahead back with over from on up out away beyond deeper further there here home'.split(
    ' ',
  ),
);
const GO_BEFORE = new Set(
  'learn learning learned use using used in with know knowing master mastering pick choose about is are vs versus or and like write writing code coding of for than over'.split(
    ' ',
  ),
);
const GO_AFTER = new Set(
  'vs versus or and developer developers dev devs programmer programmers programming language lang code backend service services concurrency program programs good worth better still used popular fast web api apis microservices framework frameworks modules module routines is'.split(
    ' ',
  ),
);

/** The token that stands for a synonym group in the index: letters and digits only. */
export function canonicalToken(entry: string): string {
  return entry
    .toLowerCase()
    .replace(/#/g, 'sharp')
    .replace(/\+/g, 'plus')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const stemCache = new Map<string, string>();

/** Porter2 stem of a lower-case word (numbers and words with digits unchanged), cached: vocabularies are small, texts are not. */
export function stemWord(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    // A word with a digit is a name ("http3", "s3", "ec2"): Porter2 would mangle it ("http3" -> "httpi").
    stemmed = /\p{N}/u.test(word) ? word : stem(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

const ASCII = /^[\x20-\x7e\s]*$/;
const INNER_PUNCTUATION = /[./'’_-]/;
/** A name, a slash or hyphen, and a one-digit version: "http/2", "oauth-2". */
const VERSIONED = /^(\p{L}{2,})[/-](\p{N})$/u;
/** English contraction and possessive endings: `'re`, `'ve`, `'ll`, `'d`, `'m`, `'s`, `n't`. */
const CONTRACTION = /(?:['’](?:re|ve|ll|d|m|s)|n['’]t|['’])$/;

/** An acronym in capitals with a plural "s": "JWTs", "SDKs". */
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;

/** A camelCase name: a lower-case word of two letters or more, then capitalised words ("bodyLimit"). */
const CAMEL_CASE = /^[a-z]{2,}(?:[A-Z][a-z0-9]*)+$/;
const CAMEL_PIECE = /[A-Z]?[a-z0-9]+/g;

/** The words of a camelCase name ("keepAliveTimeout" -> keep, Alive, Timeout), else undefined. */
export function camelPieces(raw: string): string[] | undefined {
  return CAMEL_CASE.test(raw) ? (raw.match(CAMEL_PIECE) ?? undefined) : undefined;
}

/**
 * Symbols that documentation of a programming language names on their own ("The `?` Operator",
 * "Postfix `!`", "the `_` Placeholder") and the words a question names them by. In prose they never
 * stand alone as a word (sentence punctuation is glued to its word), so one that does is the symbol's
 * name: searchable as the words ("question mark"), which are otherwise nothing at all.
 */
const SYMBOL_NAMES: readonly (readonly string[])[] = [
  ['questionmark', 'question mark', 'question marks', '?'],
  ['exclamationmark', 'exclamation mark', 'exclamation marks', 'exclamation point', '!'],
  ['underscore', 'underscores', '_'],
];
const SYMBOL_TOKEN = new Map(SYMBOL_NAMES.map((group) => [group.at(-1)!, group[0]!]));
/** A symbol standing alone: after a space or bracket, before a closing bracket, punctuation or another word. */
const STANDALONE_SYMBOL = /(?<![^\s(])[?!_](?=[),.:;]|\s+[^\s?!])/g;
/**
 * A symbol quoted alone (`?`, "!", '_'): a question names a symbol only so, since people type a space
 * before their question mark ("how do I start ? I am lost").
 */
const QUOTED_SYMBOL = /(?<![^\s(])([`'"])([?!_])\1(?=$|[\s),.:;?!])/g;
const HAS_SYMBOL = /[?!_]/;

/** Text with each symbol that stands alone as a word (in a question: quoted alone) written as its name's token. */
function nameSymbols(text: string, query: boolean): string {
  if (!HAS_SYMBOL.test(text)) return text;
  return query
    ? text.replace(QUOTED_SYMBOL, (_m, _q, symbol: string) => ` ${SYMBOL_TOKEN.get(symbol)} `)
    : text.replace(STANDALONE_SYMBOL, (symbol) => ` ${SYMBOL_TOKEN.get(symbol)} `);
}

/** A number with a plural "s" ("404s", "the 1990s"). */
const PLURAL_NUMBER = /^(\d+)['’]?s$/;

/** A number followed by a word of at least three letters, written as one token. */
const NUMBER_AND_WORD = /^(\d+)(\p{L}{3,})$/u;

/** The words of a text in their original spelling, each cut to {@link MAX_TOKEN_LENGTH}. */
function rawWords(text: string): string[] {
  const words = ASCII.test(text)
    ? text.match(ASCII_TOKEN)
    : text.normalize('NFKC').replace(/’/g, "'").match(TOKEN);
  if (!words) return [];
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.length > MAX_TOKEN_LENGTH) words[i] = words[i]!.slice(0, MAX_TOKEN_LENGTH);
  }
  return words;
}

function rawTokens(text: string): RawToken[] {
  return rawWords(text).map((raw) => ({ raw, lower: raw.toLowerCase() }));
}

/** The words of a text as the search reads them (original spelling and lower case). */
export function tokenize(text: string): { raw: string; lower: string }[] {
  return rawTokens(text);
}

/**
 * The largest spelling distance a correction of a word of this length may have: none under 5
 * letters, one up to 7, two from 8. The same rule for questions, plan requests and `plan done`.
 */
export function maxTypoDistance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** "Go" the language, or the verb? Decided from the neighbouring words, the same way everywhere. */
export function isGoLanguage(tokens: readonly RawToken[], i: number): boolean {
  const before = tokens[i - 1]?.lower;
  const after = tokens[i + 1]?.lower;
  if (tokens.length === 1) return true;
  if (after !== undefined && GO_EXCLUDED_AFTER.has(after)) return false;
  if (tokens[i]?.raw === 'Go') return true;
  // Lower-case "go for" is the verb ("switch and go for big companies", "should I go for a master's");
  // the language is written "Go for microservices".
  if (after === 'for') return false;
  if (before !== undefined && GO_BEFORE.has(before)) return true;
  if (after !== undefined && GO_AFTER.has(after)) return true;
  return after === undefined && before !== undefined && before !== 'to' && !STOP_WORDS.has(before);
}

// A verb of giving before its person ("which books can you offer me", "they offered us a trial") means
// "give": the job offer or the suggestion is not what is asked about.
const GIVING_VERBS = new Set(['offer', 'offers', 'offered', 'offering']);
const OBJECT_PRONOUNS = new Set(['me', 'us', 'you', 'him', 'her', 'them']);

/** Whether the word at `i` is a verb of giving followed by the person it gives to. */
function givesToPerson(tokens: readonly RawToken[], i: number): boolean {
  return GIVING_VERBS.has(tokens[i]!.lower) && OBJECT_PRONOUNS.has(tokens[i + 1]?.lower ?? '');
}

/** How an analyzer is built. */
export interface AnalyzerOptions {
  /** How many distinct spellings it remembers the reading of (0: none; cleared when full). */
  cacheSize?: number;
}

/**
 * Builds the analyzer: tokenize, map synonyms (single words and phrases) to one token per group,
 * drop stop words, stem with Porter2.
 *
 * @example
 * const analyze = createAnalyzer([['kubernetes', 'k8s']]);
 * analyze('k8s or Kubernetes?'); // ['kubernetes', 'kubernetes']
 */
export function createAnalyzer(
  groups: SynonymGroups,
  relatedGroups: SynonymGroups = [],
  { cacheSize = SPELLING_CACHE_SIZE }: AnalyzerOptions = {},
): Analyzer {
  const single = new Map<string, string>();
  const phrases: Phrase[] = [];
  const phrasesByFirst = new Map<string, Phrase[]>();
  for (const group of [...groups, ...SYMBOL_NAMES.map((names) => names.slice(0, -1))]) {
    const first = group[0];
    if (!first) continue;
    const canonical = canonicalToken(first);
    for (const entry of group) {
      const lower = entry.toLowerCase().trim();
      const words = rawTokens(lower).map((t) => t.lower);
      if (words.length > 1) {
        phrases.push({ stems: words.map(stemWord), canonical });
      } else if (words.length === 1 && lower !== 'go') {
        single.set(lower, canonical);
        // The stem stands for the entry only when it is the entry less an inflection: Porter2 cuts
        // "responsibilities" to "respons", which "response" shares, and "authorization" to "author".
        const stemmed = stemWord(lower);
        if (lower.startsWith(stemmed) && lower.length - stemmed.length <= MAX_INFLECTION)
          single.set(stemmed, canonical);
      }
    }
  }
  phrases.sort((a, b) => b.stems.length - a.stems.length);
  for (const phrase of phrases) {
    const first = phrase.stems[0]!;
    phrasesByFirst.set(first, [...(phrasesByFirst.get(first) ?? []), phrase]);
  }

  const wordTerms = (word: string, out: string[]): void => {
    const known = single.get(word);
    if (known) {
      out.push(known);
      return;
    }
    // A contraction or possessive is its word ("you're" -> "you", "company's" -> "company"); a negation
    // typed without its apostrophe ("shouldnt") is the function word it spells.
    if (STOP_WORDS.has(word) || (word.endsWith('nt') && STOP_WORDS.has(`${word.slice(0, -2)}n't`))) return;
    const bare = word.replace(CONTRACTION, '');
    if (bare !== word && bare.length > 0) {
      wordTerms(bare, out);
      return;
    }
    // A name and its version ("HTTP/2", "OAuth-2") is also the name as usually written together ("http2").
    const versioned = word.match(VERSIONED);
    if (versioned) out.push(`${versioned[1]}${versioned[2]}`);
    if (INNER_PUNCTUATION.test(word)) {
      const pieces = word.split(SPLIT).filter(Boolean);
      if (pieces.length > 1) {
        const before = out.length;
        for (const piece of pieces) wordTerms(piece, out);
        // A hyphenated name whose pieces are all too short or too common to be words ("v-if",
        // "v-show") is the name written as one word: otherwise it would be nothing at all.
        if (out.length === before && word.includes('-')) wordTerms(pieces.join(''), out);
        return;
      }
    }
    if (STOP_WORDS.has(word) || word.length < 2) return;
    // A number in the plural ("404s", "500s") is the number.
    const numbers = PLURAL_NUMBER.exec(word);
    if (numbers) {
      out.push(numbers[1]!);
      return;
    }
    // A number glued to its unit word ("3years", "10hours") is the number and the word.
    const glued = NUMBER_AND_WORD.exec(word);
    if (glued) {
      wordTerms(glued[1]!, out);
      wordTerms(glued[2]!, out);
      return;
    }
    // An acronym is not a function word: "ATS" stems to "at" (an English word such as "meaning" still
    // goes the way of "mean").
    const stem = stemWord(word);
    const stemmed = STOP_WORDS.has(stem) && !isEnglishWord(word) ? word : stem;
    out.push(single.get(stemmed) ?? stemmed);
  };

  const readSpelling = (raw: string): Spelling => {
    const lower = raw.toLowerCase();
    const stem = stemWord(lower);
    const terms: string[] = [];
    // An acronym's plural ("JWTs", "CDNs", "APIs") is the acronym: Porter2 keeps the "s" of "jwts".
    wordTerms(ACRONYM_PLURAL.test(raw) ? lower.slice(0, -1) : lower, terms);
    // A camelCase name ("devDependencies", "setErrorHandler") is also its words, unless the whole
    // name is a synonym: "body limit" finds `bodyLimit`. PascalCase ("JavaScript") stays whole.
    if (!single.has(lower)) {
      for (const piece of camelPieces(raw) ?? []) wordTerms(piece.toLowerCase(), terms);
    }
    return { raw, lower, stem, terms, phrases: phrasesByFirst.get(stem) };
  };
  // A spelling's reading depends on the spelling alone: each distinct one is read once (knowledge
  // repeats a few thousand words millions of times), its neighbours are looked at per occurrence.
  const spellings = boundedMemo<Spelling>(cacheSize);
  const spellingOf = (raw: string): Spelling => spellings(raw, readSpelling);

  // Text keeps the words of a synonym phrase beside its canonical token ("message queue" is found
  // by "queue" too); a question (`query`) is read as the phrase alone.
  const analyze = (text: string, query = false): string[] => {
    const tokens = rawWords(nameSymbols(text, query)).map(spellingOf);
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      let matched: Phrase | undefined;
      for (const phrase of token.phrases ?? []) {
        if (phrase.stems.every((s, k) => tokens[i + k]?.stem === s)) {
          out.push(phrase.canonical);
          matched = phrase;
          break;
        }
      }
      if (matched && query) {
        i += matched.stems.length - 1;
        continue;
      }
      if (givesToPerson(tokens, i)) continue;
      if (token.lower === 'go') {
        if (isGoLanguage(tokens, i)) out.push(single.get('golang') ?? 'golang');
        continue;
      }
      for (const term of token.terms) out.push(term);
    }
    return out;
  };
  const related = new Map<string, string[]>();
  for (const group of relatedGroups) {
    const terms = group.map((entry) => analyze(entry));
    terms.forEach((own, k) => {
      const others = terms.flatMap((t, j) => (j === k ? [] : t)).filter((t) => !own.includes(t));
      for (const term of own.length === 1 ? own : []) {
        related.set(term, [...new Set([...(related.get(term) ?? []), ...others])]);
      }
    });
  }
  return Object.assign(analyze, { related });
}
