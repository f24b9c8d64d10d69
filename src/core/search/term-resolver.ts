import type SearchableMap from 'minisearch/SearchableMap';
import { type Analyzer, maxTypoDistance, stemWord, tokenize } from './analyzer';
import { isEnglishWord, isEverydayWord } from './english-words';
import { STOP_WORDS } from './stop-words';
import { afterParticle, englishNeighbours, splitCompound } from './word-forms';

/** How one term of a question was found in the knowledge vocabulary. */
export interface TermMatch {
  /** The analysed query term. */
  term: string;
  /** The word as the question wrote it, when a correction was read off it (shown as "read X as Y"). */
  word?: string;
  /** exact, a spelling correction, a prefix completion, or not found at all. */
  kind: 'exact' | 'corrected' | 'prefix' | 'unknown';
  /** Vocabulary terms searched for it. */
  matches: string[];
  /** Confidence in the match, 0..1 (0 for unknown). */
  confidence: number;
  /** How rare (informative) the term is in the knowledge: BM25 inverse document frequency. */
  idf: number;
}

/** A negating prefix and the word it negates. */
const NEGATION = /^(?:un|in|im|non|dis)(\p{L}+)$/u;
/** Shortest word a negating prefix is read off: after a short one it starts a compound ("indoors", "inside"). */
const MIN_NEGATED = 6;

/**
 * The weight of a word the knowledge does not contain. Lower than a rare known word (it may be filler
 * such as "involve"), high enough that a question made only of unknown topic words plus generic ones
 * ("salary of a backend engineer") is not taken for a match.
 */
export const UNKNOWN_TERM_WEIGHT = 1.5;
/**
 * An everyday English word the knowledge lacks ("keep", "safe") weighs at least this share of a rarer
 * one (more in a knowledge that has most everyday words: the share it has).
 */
const EVERYDAY_SHARE = 0.5;
/** Endings (of a stem) that make a known word into a form of it: "dockeriz", "postgresql's" and the like. */
const DERIVED_ENDING = /^(?:s|es|ed|er|ers|iz|is|ize|ise|ing|ly|y|ment|ful|abl|ist|ish)$/;
/** Longest ending a known word may carry and still count as that word. */
const MAX_SUFFIX = 4;

/** What term resolution reads of the index: its vocabulary, analyzer and weights. */
export interface VocabularyView {
  counts: ReadonlyMap<string, number>;
  vocabulary: SearchableMap<true>;
  analyze: Analyzer;
  idf(df: number): number;
  /** The weight of a word the knowledge does not contain. */
  unknownWeight(): number;
  unknownTermWeight?: number;
  /** The share of everyday English words the knowledge has. */
  everydayShare(): number;
}

/** The particles of phrasal verbs: "set up" is the setup, not "set" in another sense ("set my rate"). */
const PARTICLES = new Set(['up', 'down', 'in', 'out', 'on', 'off', 'over', 'away']);

/**
 * Reads a question's words against the knowledge vocabulary: exact terms, spelling corrections (by
 * the vocabulary, or by English spelling), prefix completions, compounds written as one or as two.
 */
export class TermResolver {
  constructor(private readonly v: VocabularyView) {}

  /**
   * Finds a term in the vocabulary: exactly, by correcting a typo, or by completing a prefix. A word
   * of the English dictionary (`word`, as typed) is never corrected or completed into another one.
   */
  resolve(term: string, word = term): TermMatch {
    const df = this.v.counts.get(term);
    if (df !== undefined) return { term, kind: 'exact', matches: [term], confidence: 1, idf: this.v.idf(df) };
    // "inexperienced", "unhappy": the negation of a word the knowledge has is about that word.
    const negated = NEGATION.exec(word)?.[1];
    // ...in any form the knowledge writes it ("experienced" where it has "experience").
    const forms =
      negated && negated.length >= MIN_NEGATED
        ? [negated, ...['d', 'ed', 's'].map((end) => negated.replace(new RegExp(`${end}$`), ''))]
        : [];
    const base = forms.map((f) => this.knownTermOf(f)).find((t) => t !== undefined);
    if (base) {
      const idf = this.v.idf(this.v.counts.get(base)!);
      return { term, kind: 'prefix', matches: [base], confidence: 0.6, idf };
    }
    if (isEnglishWord(word)) {
      // A knowledge that has most of everyday English lacks this one for a reason: it weighs more there.
      const share = Math.max(EVERYDAY_SHARE, this.v.everydayShare());
      const idf = this.v.unknownWeight() * (isEverydayWord(word) ? share : 1);
      return { term, kind: 'unknown', matches: [], confidence: 0, idf };
    }
    const corrected = this.correct(term);
    if (corrected) {
      const [match, distance] = corrected;
      const confidence = distance <= 1 ? 0.8 : 0.6;
      return {
        term,
        word,
        kind: 'corrected',
        matches: [match],
        confidence,
        idf: this.v.idf(this.v.counts.get(match)!),
      };
    }
    const spelled = this.spellEnglish(word);
    if (spelled) {
      return {
        term,
        word,
        kind: 'corrected',
        matches: [spelled],
        confidence: 0.8,
        idf: this.v.idf(this.v.counts.get(spelled)!),
      };
    }
    const completions = this.complete(term);
    if (completions.length > 0) {
      const best = Math.max(...completions.map((m) => this.v.counts.get(m) ?? 0));
      return { term, kind: 'prefix', matches: completions, confidence: 0.6, idf: this.v.idf(best) };
    }
    return {
      term,
      kind: 'unknown',
      matches: [],
      confidence: 0,
      idf: this.v.unknownTermWeight ?? UNKNOWN_TERM_WEIGHT,
    };
  }

  /** The knowledge's term for a word when the word is one term the knowledge has. */
  private knownTermOf(word: string): string | undefined {
    const terms = this.v.analyze(word, true);
    return terms.length === 1 && this.v.counts.has(terms[0]!) ? terms[0] : undefined;
  }

  /**
   * The knowledge's term for the English word one edit away from a typo ("gracefuly" is "gracefully",
   * stem "grace"), the most frequent one when several are.
   */
  private spellEnglish(word: string): string | undefined {
    let best: [string, number] | undefined;
    for (const candidate of englishNeighbours(word)) {
      const known = this.knownTermOf(candidate);
      const df = known ? this.v.counts.get(known)! : 0;
      if (known && (!best || df > best[1])) best = [known, df];
    }
    return best?.[0];
  }

  /**
   * The terms of one question word: a word the knowledge lacks that splits into two it has
   * ("multistage" for "multi-stage") is those two, one that is a function word joined to a word it
   * has ("oncall" for "on-call") is that word, else {@link resolve}.
   */
  resolveWord(term: string, word = term): TermMatch[] {
    if (!this.v.counts.has(term) && !isEnglishWord(word)) {
      const parts = splitCompound(word, (part) => this.knownTermOf(part));
      const found = parts ?? afterParticle(word, (part) => this.knownTermOf(part));
      if (found) {
        return (typeof found === 'string' ? [found] : found).map((m) => ({
          term: m,
          kind: 'corrected' as const,
          matches: [m],
          confidence: 0.8,
          idf: this.v.idf(this.v.counts.get(m)!),
        }));
      }
    }
    return [this.resolve(term, word)];
  }

  /**
   * Question words that the knowledge writes as one with the word after them ("shut down" is
   * "shutdown", "set up" is "setup", "boot camp" is "bootcamp"): the knowledge's compound term for
   * each such word (both words of two content words, the first one before a function word). The
   * first words of a verb and its particle ("set up", "log in") go into `phrasal`.
   */
  joinedWords(question: string, phrasal?: Set<string>): Map<string, string> {
    const tokens = tokenize(question);
    const joined = new Map<string, string>();
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i]!.lower, tokens[i + 1]!.lower];
      if (STOP_WORDS.has(a) || !/^\p{L}+$/u.test(a + b)) continue;
      const compound = this.knownTermOf(a + b);
      // A compound of its own, not one of its words in another form ("remove red" is not "remove").
      if (!compound || compound === stemWord(a) || compound === stemWord(b)) continue;
      joined.set(stemWord(a), compound);
      if (!STOP_WORDS.has(b)) joined.set(stemWord(b), compound);
      else if (PARTICLES.has(b)) phrasal?.add(stemWord(a));
    }
    return joined;
  }

  /** The closest vocabulary term within a small edit distance (a swap of two letters counts as one). */
  private correct(term: string): [string, number] | undefined {
    if (term.length < 4 || /^\p{N}+$/u.test(term)) return undefined;
    for (let i = 0; i + 1 < term.length; i++) {
      const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
      if (this.v.counts.has(swapped)) return [swapped, 1];
    }
    const maxDistance = maxTypoDistance(term.length);
    if (maxDistance === 0) return undefined;
    let best: [string, number, number] | undefined;
    for (const [key, [, distance]] of this.v.vocabulary.fuzzyGet(term, maxDistance)) {
      if (key.length < 4) continue;
      const df = this.v.counts.get(key) ?? 0;
      if (!best || distance < best[1] || (distance === best[1] && df > best[2])) best = [key, distance, df];
    }
    return best ? [best[0], best[1]] : undefined;
  }

  /** Vocabulary terms the term is a prefix of, or the longest vocabulary term that is a prefix of it. */
  private complete(term: string): string[] {
    if (term.length < 4) return [];
    const longer = [...this.v.vocabulary.atPrefix(term).keys()]
      .sort((a, b) => (this.v.counts.get(b) ?? 0) - (this.v.counts.get(a) ?? 0))
      .slice(0, 3);
    if (longer.length > 0) return longer;
    // A known word plus a word-forming ending ("dockerized" -> "docker"), but not a negation
    // ("serverless") or another word ("linkedin" is not "link", "demotivating" not "demo").
    for (let end = term.length - 1; end >= Math.max(4, term.length - MAX_SUFFIX); end--) {
      const head = term.slice(0, end);
      if (this.v.counts.has(head) && DERIVED_ENDING.test(term.slice(end))) return [head];
    }
    return [];
  }
}
