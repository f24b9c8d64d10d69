import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { SLICE_MS, sliceSpent, turn } from '../event-loop';
import { escapeRegex } from '../knowledge/text-utils';
import type { KnowledgeUnit } from '../knowledge/types';
import { UNIT_FIELDS, type UnitTerms, unitFieldText } from '../knowledge/unit-terms';
import { type Analyzer, stemWord, tokenize } from './analyzer';
import { namesOwnAspect, promoteAspects, sameName } from './aspects';
import { everydayStems, isEnglishWord, isEverydayWord } from './english-words';
import { GrammarTitles } from './grammar-titles';
import { GREETING } from './greeting';
import { PartHeadings } from './part-headings';
import { type TermMatch, TermResolver } from './term-resolver';
import { type ScoredResult, type TermGroup, TopScorer } from './top-scored';
import { MIN_WORDED_RUN, promoteWordedLike, sharedRun } from './worded-run';
import { describingWords } from './wrapping-words';

export type { TermMatch } from './term-resolver';
export { UNKNOWN_TERM_WEIGHT } from './term-resolver';

/** A term's postings in MiniSearch: field number -> unit number -> occurrences. */
type Postings = Map<number, Map<number, number>>;

/**
 * The postings of units being added, filled into MiniSearch in bulk. MiniSearch's `addTerm` (an
 * internal of MiniSearch 7) only notes each occurrence of a term in a flat list per term; `settle`
 * then fills MiniSearch's postings map of each term in one go and counts the units that have it.
 * Filling one term's map at a time instead of every term's in turn, token by token, is several times
 * faster (it was the largest cost of indexing large knowledge), and the index is the same: terms
 * enter MiniSearch's tree in the order first seen, each term's units in the order added (a test
 * compares it to one MiniSearch builds itself).
 */
class PendingPostings {
  /** Pending terms in the order first seen, and for each the unit and field of every occurrence. */
  private terms: string[] = [];
  private lists: number[][] = [];
  private readonly slots = new Map<string, number>();
  /** How many of `terms` are settled. */
  private settled = 0;

  constructor(private readonly mini: MiniSearch<KnowledgeUnit>) {
    (mini as unknown as { addTerm: (field: number, unit: number, term: string) => void }).addTerm = (
      field,
      unit,
      term,
    ) => {
      let slot = this.slots.get(term);
      if (slot === undefined) {
        slot = this.terms.length;
        this.slots.set(term, slot);
        this.terms.push(term);
        this.lists.push([]);
      }
      this.lists[slot]!.push(unit, field);
    };
  }

  get pending(): boolean {
    return this.settled < this.terms.length;
  }

  /**
   * Fills the pending terms into MiniSearch, calling `counted` with each term and the number of units
   * that have it; stops early, returning false, once `enough` says so (asked after each term).
   */
  settle(counted: (term: string, units: number) => void, enough = () => false): boolean {
    const tree = (this.mini as unknown as { _index: SearchableMap<Postings> })._index;
    const newPostings = (): Postings => new Map();
    while (this.settled < this.terms.length) {
      const term = this.terms[this.settled]!;
      const list = this.lists[this.settled]!;
      const postings = tree.fetch(term, newPostings);
      let units = 0;
      let last = -1;
      for (let k = 0; k < list.length; k += 2) {
        const unit = list[k]!;
        const field = list[k + 1]!;
        let byUnit = postings.get(field);
        if (byUnit === undefined) {
          byUnit = new Map();
          postings.set(field, byUnit);
        }
        byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
        // A unit's occurrences of a term are consecutive: it is added whole before the next.
        if (unit !== last) units++;
        last = unit;
      }
      counted(term, units);
      this.settled++;
      if (this.settled < this.terms.length && enough()) return false;
    }
    this.terms = [];
    this.lists = [];
    this.slots.clear();
    this.settled = 0;
    return true;
  }
}

/** A unit and its relevance score for one question. */
export interface SearchHit {
  unit: KnowledgeUnit;
  score: number;
  /** The vocabulary terms this unit matched. */
  terms: string[];
}

/** Everything one search found out. */
export interface SearchOutcome {
  hits: SearchHit[];
  terms: TermMatch[];
  /** Share (0..1) of the question's information the best unit itself covers, weighted by rarity. */
  coverage: number;
  /** The share of the question some hits cover together (an answer of two units). */
  coverageOf?: (hits: readonly SearchHit[]) => number;
}

const FIELD_ORDER = new Map<string, number>(UNIT_FIELDS.map((field, k) => [field, k]));
const FIELD_BOOST = { title: 3, aliases: 3, path: 0.5, text: 1 };
/** Postings (units containing a searched term) one question may score: this share of the units... */
const POSTING_SHARE = 0.25;
/** ...but never fewer than this many... */
const POSTING_FLOOR = 5000;
/**
 * ...nor more than this many: {@link TopScorer} scores about 8 million postings a second on a loaded
 * 2-core machine (MiniSearch's own search() 0.4 million, 2026-12-06), so one search stays within a few
 * milliseconds on knowledge of any size (only knowledge of over 40,000 units reaches it).
 */
const POSTING_CAP = 10_000;
/** Below this inverse document frequency a term is in a large share of the units (about a third). */
const TELLING_IDF = 1;
/** Below this inverse document frequency a term is in nearly every unit. */
const GENERIC_IDF = 0.2;
/** Score factor for each pair of consecutive question words found together in a unit ("product managers"). */
const PHRASE_BOOST = 1.5;
/** How many of the best hits are checked for phrases. */
const PHRASE_WINDOW = 10;
/** How many of the best hits are re-ranked by how well the unit itself fits the question. */
const RERANK_WINDOW = 20;
/** Results looked at, below the window, for a title worded like the question. */
const WORDED_POOL = 50;
/** The weight of a word the knowledge lacks, as a share of the weight of its rarest word. */
const UNKNOWN_SHARE = 1;
/** Questions of at most this many terms are short: a name in them is their subject. */
const SHORT_QUESTION = 3;
/** Idioms of questions that name no subject ("how does git work under the hood"). */
const FILLER_PHRASES =
  /\b(under the hood|in a nutshell|in (simple|plain|layman'?s) (terms|english|words)|like i'?m five|eli5)\b/gi;
// A year qualifies the question's time, not its subject ("is PHP worth learning in 2024").
const YEAR_QUALIFIER = /\b(?:in|for|by|as of) (?:19|20)\d\d\b/gi;
// A short tag in square brackets is an editor's label on a title ("[Latest Updated]", "[Question]",
// "[Solved]"), not what is asked; a Markdown link ("[text](url)") keeps its text.
const BRACKET_TAG = /\[[^\]\n]{1,30}\](?!\()/g;
// "How much does a developer make?" asks what they earn: "make" there is the idiom for pay.
const HOW_MUCH_MAKE =
  /\b(how much (?:money )?(?:do|does|did|can|could|would|will|should)\b[^?.!]*?\b)(?:make|makes|making)\b(?!\s+sense)/gi;
const HOW_WORKS = /\bhow\s+(do|does|did|is|are|can|could|would|will)\b.*\bwork(s|ing)?\b/i;
/** Share of a term's weight covered by a unit that has it only as a word of a term of art not asked for. */
const PARTIAL_NAME_WEIGHT = 0.5;
/** A title that is a term of art: words, then their acronym in brackets ("Time To First Byte (TTFB)"). */
const TERM_OF_ART = /^(.+?)\s*\(([A-Z][A-Za-z0-9]{1,9})\)\s*$/;

/** The words and acronym of a term-of-art title, when the acronym's letters start the words in order. */
function termOfArt(title: string): { words: string; acronym: string } | undefined {
  const m = TERM_OF_ART.exec(title);
  if (!m) return undefined;
  const initials = m[1]!
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toLowerCase())
    .join('');
  const letters = m[2]!.toLowerCase().replace(/[^a-z]/g, '');
  return letters.length >= 2 && initials.startsWith(letters[0]!) && isSubsequence(letters, initials)
    ? { words: m[1]!, acronym: m[2]! }
    : undefined;
}

/** A title that is a camelCase name, bare or called ("keepAliveTimeout", "decorateRequest(name)"). */
const CAMEL_TITLE = /^`?([a-z]{2,}(?:[A-Z][a-z0-9]*)+)`?(?:\s*\(.*\))?`?$/;

/** The words of a camelCase title and the name itself ("keep Alive Timeout", "keepAliveTimeout"). */
function camelName(title: string): { words: string; acronym: string } | undefined {
  const m = CAMEL_TITLE.exec(title.trim());
  return m ? { words: m[1]!.replace(/([a-z0-9])([A-Z])/g, '$1 $2'), acronym: m[1]! } : undefined;
}

/** Whether a unit with no text of its own shows the whole content of its child. */
function showsInFull(parent: KnowledgeUnit, child: KnowledgeUnit): boolean {
  return child.markdown !== '' && parent.markdown.includes(`**${child.title}**\n\n${child.markdown}`);
}

/** Whether every letter of `short` appears in `long` in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** Weight of a related concept (`tls` for `https`) against the exact term. */
const RELATED_WEIGHT = 0.3;
/** Score factor for a unit whose title names the whole question (weighted by rarity). */
const QUESTION_FIT = 0.5;
/** Score factor for a unit whose whole title the question names. */
const TITLE_FIT = 2;
/** A title of at most this many words names one thing of a question, not the question... */
const SHORT_TITLE_WORDS = 2;
/** ...and gives way, in proportion, to a unit covering at least this share of the question. */
const MOSTLY_COVERED = 0.7;
/**
 * Share of its score a list item that only mentions things, or a section under a heading that recurs
 * under many topics ("Code Example"), keeps against the topics themselves.
 */
const ITEM_SHARE = 0.5;
/** Share of its score a unit keeps when it covers nothing of the question. */
const COVERAGE_FLOOR = 0.25;
/** Query terms are weighted by rarity too, so words found everywhere ("backend") cannot decide the ranking. */
const rarityWeight = (idf: number) => Math.min(1, (idf + 0.2) / 2);

/**
 * One MiniSearch index over knowledge units, plus the vocabulary used for spelling correction,
 * prefix completion and the coverage measure that tells a real match from an off-topic question.
 */

/**
 * Whether a text writes `word` only as a name: capitalised wherever it appears, and at least once
 * inside a sentence ("Redis, Memcached and Varnish are ..."), where English capitalises names only.
 */
export function writtenAsName(text: string, word: string): boolean {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRegex(word)})(?![\\p{L}\\p{N}])`, 'giu');
  let inside = false;
  for (const m of text.matchAll(pattern)) {
    const found = m[2]!;
    if (found[0] === found[0]!.toLowerCase()) return false;
    const before = text.slice(0, m.index + m[1]!.length).trimEnd();
    if (before !== '' && !/[.!?:\n*#>-]$/.test(before)) inside = true;
  }
  return inside;
}

export class SearchIndex {
  private readonly mini: MiniSearch<KnowledgeUnit>;
  /** The vocabulary's terms, for typo correction and completion (keys only: counts are in `counts`). */
  private readonly vocabulary: SearchableMap<true>;
  /** Document frequency of each vocabulary term (a plain map: counted for every term of every unit). */
  private readonly counts = new Map<string, number>();
  /** Postings of added units not yet in MiniSearch nor counted (see {@link PendingPostings}). */
  private readonly postings: PendingPostings;
  /** The terms of the unit being added by field, when they were analysed ahead (by the parse worker). */
  private ready: UnitTerms | undefined;
  /** The analysed title of the unit being added, kept while MiniSearch tokenizes it. */
  private collectedTitle: readonly string[] | undefined;
  private readonly units = new Map<string, KnowledgeUnit>();
  private byKey: Map<string, KnowledgeUnit> | undefined;
  /** Analysed title and text of the units phrase matching has looked at (filled on first use). */
  private readonly unitWords = new Map<string, string[]>();
  /** Analysed titles of the units re-ranking has looked at (filled on first use). */
  private readonly titleTerms = new Map<string, string[]>();
  /** The last search: one answer searches the same question more than once (forgotten on any change). */
  private recent: { question: string; limit: number; outcome: SearchOutcome } | undefined;
  /** Stems of every word of the units' titles, stop words included (filled on first use). */
  private readonly titleWords = new Map<string, string[]>();
  /** The share of everyday English words the knowledge has (computed on first use after a change). */
  private everyday: number | undefined;
  /** Analysed title, aliases and path of the units coverage has looked at (filled on first use). */
  private readonly anchorTerms = new Map<string, Set<string>>();
  /** Headings that recur under many topics: parts of them, not topics. */
  private readonly parts: PartHeadings;
  /** Units titled only by words the search drops ("Getting Started"). */
  private readonly grammarTitles = new GrammarTitles();
  /** Reads the question's words against the vocabulary. */
  private readonly resolver: TermResolver;
  /** Scores the question's terms over `mini`, building only the results looked at. */
  private readonly scorer: TopScorer<KnowledgeUnit>;

  /**
   * @param units the units to index (ids must be unique)
   * @param analyze the analyzer shared by indexing and querying
   */
  constructor(
    units: readonly KnowledgeUnit[],
    private readonly analyze: Analyzer,
    private readonly unknownTermWeight?: number,
  ) {
    const pathTerms = new Map<string, string[]>();
    this.mini = new MiniSearch<KnowledgeUnit>({
      fields: [...UNIT_FIELDS],
      storeFields: [],
      tokenize: (text, field) => {
        const ready = this.ready?.[FIELD_ORDER.get(field!)!];
        if (ready) {
          if (field === 'title') this.collectedTitle = ready;
          return ready as string[];
        }
        // Siblings share their path: analyse each distinct path once.
        let terms = field === 'path' ? pathTerms.get(text) : undefined;
        if (!terms) {
          terms = analyze(text);
          if (field === 'path') {
            if (pathTerms.size > 10_000) pathTerms.clear();
            pathTerms.set(text, terms);
          }
        }
        if (field === 'title') this.collectedTitle = terms;
        return terms;
      },
      processTerm: (term) => term,
      extractField: (unit, field) => unitFieldText(unit, field),
    });
    this.postings = new PendingPostings(this.mini);
    this.scorer = new TopScorer(this.mini);
    this.vocabulary = new SearchableMap<true>();
    this.parts = new PartHeadings(analyze);
    this.resolver = new TermResolver({
      counts: this.counts,
      vocabulary: this.vocabulary,
      analyze,
      idf: (df) => this.idf(df),
      unknownWeight: () => this.unknownWeight(),
      unknownTermWeight,
      everydayShare: () => this.everydayShare(),
    });
    this.add(units);
    this.settle();
  }

  /**
   * Builds an index in slices of about {@link SLICE_MS} milliseconds, yielding to the event loop
   * between them, so that a large knowledge set never blocks the process for long.
   */
  static async build(units: readonly KnowledgeUnit[], analyze: Analyzer): Promise<SearchIndex> {
    const index = new SearchIndex([], analyze);
    let start = 0;
    while (start < units.length) {
      let end = start;
      while (end < units.length && !sliceSpent()) {
        index.add(units.slice(end, end + 50));
        end += 50;
      }
      start = end;
      await turn();
    }
    await index.settleInSlices();
    return index;
  }

  /**
   * Adds units (ids not yet indexed). `analysed` may give a unit's terms by field (see
   * {@link UNIT_FIELDS}), analysed ahead with this index's analyzer (by the parse worker). Their
   * postings are settled into the index by the next search (or by {@link settleInSlices}).
   */
  add(units: readonly KnowledgeUnit[], analysed?: (unit: KnowledgeUnit) => UnitTerms | undefined): void {
    this.recent = undefined;
    this.everyday = undefined;
    for (const unit of units) {
      this.ready = analysed?.(unit);
      this.mini.add(unit);
      this.units.set(unit.id, unit);
      this.byKey?.set(unit.key, unit);
      this.parts.add(unit, this.collectedTitle);
      this.grammarTitles.add(unit);
      this.collectedTitle = undefined;
    }
    this.ready = undefined;
  }

  /** Counts a settled term's units into the vocabulary. */
  private readonly count = (term: string, units: number): void => {
    const df = this.counts.get(term);
    this.counts.set(term, (df ?? 0) + units);
    if (df === undefined) this.vocabulary.set(term, true);
  };

  /** Puts the postings of added units into MiniSearch and the vocabulary (every search does first). */
  private settle(): void {
    if (this.postings.pending) this.postings.settle(this.count);
  }

  /**
   * {@link settle} in slices of about {@link SLICE_MS}, between turns of the event loop: a loader
   * settles a large new index this way before it answers.
   */
  async settleInSlices(): Promise<void> {
    while (!this.postings.settle(this.count, sliceSpent)) await turn();
  }

  /** Removes units (by id) from the index and the vocabulary: a changed file touches only its own units. */
  remove(units: readonly KnowledgeUnit[]): void {
    this.settle();
    this.recent = undefined;
    this.everyday = undefined;
    for (const unit of units) {
      const indexed = this.units.get(unit.id);
      if (!indexed) continue;
      const terms = new Set<string>();
      for (const text of [
        indexed.title,
        indexed.aliases.join(' '),
        indexed.path.slice(0, -1).join(' '),
        indexed.text,
      ]) {
        for (const term of this.analyze(text)) terms.add(term);
      }
      this.scorer.discarding(indexed.id);
      this.mini.discard(indexed.id);
      this.parts.remove(indexed);
      this.grammarTitles.remove(indexed);
      this.units.delete(indexed.id);
      this.byKey?.delete(indexed.key);
      this.unitWords.delete(indexed.id);
      this.titleTerms.delete(indexed.id);
      this.titleWords.delete(indexed.id);
      this.anchorTerms.delete(indexed.id);
      for (const term of terms) {
        const df = (this.counts.get(term) ?? 0) - 1;
        if (df > 0) this.counts.set(term, df);
        else {
          this.counts.delete(term);
          this.vocabulary.delete(term);
        }
      }
    }
  }

  /** Number of indexed units. */
  get size(): number {
    return this.units.size;
  }

  /** A unit by id. */
  get(id: string): KnowledgeUnit | undefined {
    return this.units.get(id);
  }

  /** A unit by id or by its short key. */
  find(ref: string): KnowledgeUnit | undefined {
    // Keys are hashed on first use: most processes never need them at start.
    this.byKey ??= new Map([...this.units.values()].map((unit) => [unit.key, unit]));
    return this.units.get(ref) ?? this.byKey.get(ref);
  }

  /** The inverse document frequency of a term found in one unit only: the rarest a word can be here. */
  get rarestIdf(): number {
    return this.idf(1);
  }

  /** BM25 inverse document frequency of a term with document frequency `df`. */
  private idf(df: number): number {
    const n = this.units.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The weight of a word the knowledge does not contain: as informative as its rarest known word (a
   * word never seen is a subject the knowledge lacks), so it scales with the size of the knowledge.
   */
  private unknownWeight(): number {
    return this.unknownTermWeight ?? UNKNOWN_SHARE * this.idf(1);
  }

  /**
   * Finds a term in the vocabulary: exactly, by correcting a typo, or by completing a prefix. A word
   * of the English dictionary (`word`, as typed) is never corrected or completed into another one.
   */
  resolve(term: string, word = term): TermMatch {
    this.settle();
    return this.resolver.resolve(term, word);
  }

  /**
   * Searches the knowledge for a question.
   *
   * @example
   * index.search('postgress or mysql?').hits[0]?.unit.title; // "Relational Databases"
   */
  search(question: string, limit = 10): SearchOutcome {
    const recent = this.recent;
    const outcome =
      recent?.question === question && recent.limit === limit
        ? recent.outcome
        : this.searchNow(question, limit);
    this.recent = { question, limit, outcome };
    return { ...outcome, hits: [...outcome.hits], terms: [...outcome.terms] };
  }

  private searchNow(question: string, limit: number): SearchOutcome {
    this.settle();
    const surface = new Map<string, string>();
    // Each part of a hyphenated word too ("seeking" in "job-seeking"): the analyzer searches the parts.
    for (const t of tokenize(question))
      for (const word of t.lower.includes('-') ? [t.lower, ...t.lower.split('-')] : [t.lower])
        if (word && !surface.has(stemWord(word))) surface.set(stemWord(word), word);
    const seen = new Set<string>();
    // "How does X work?" asks about X: "work" there is the form of the question, not a subject.
    const form = HOW_WORKS.test(question) ? new Set(['work']) : undefined;
    const read = question
      .replace(HOW_MUCH_MAKE, '$1earn')
      .replace(YEAR_QUALIFIER, ' ')
      .replace(BRACKET_TAG, ' ');
    const terms = this.analyze(read.replace(FILLER_PHRASES, ' ').replace(GREETING, ' '), true)
      .filter((t) => !form?.has(t) && !seen.has(t) && seen.add(t))
      .flatMap((t) => this.resolver.resolveWord(t, surface.get(t)));
    const phrasal = new Set<string>();
    for (const [first, compound] of this.resolver.joinedWords(question, phrasal)) {
      const t = terms.find((x) => x.term === first);
      if (!t) continue;
      if (t.matches.length === 0 || t.kind !== 'exact') {
        Object.assign(t, {
          kind: 'exact',
          matches: [compound],
          confidence: 1,
          idf: this.idf(this.counts.get(compound)!),
        });
      } else if (phrasal.has(first)) {
        // Two words the knowledge writes as one ("set up" -> "setup") are that word, not the first word
        // alone in another sense ("set my rate").
        Object.assign(t, { matches: [compound], idf: this.idf(this.counts.get(compound)!) });
      } else if (!t.matches.includes(compound)) t.matches.push(compound);
    }
    // In a short question a name the knowledge and the dictionary lack ("tokyo", "ec2", not "2026")
    // is its subject.
    if (terms.length <= SHORT_QUESTION && this.unknownTermWeight === undefined) {
      for (const t of terms) {
        const word = surface.get(t.term) ?? t.term;
        if (t.kind === 'unknown' && /\p{L}/u.test(word) && !isEnglishWord(word)) t.idf = this.unknownWeight();
      }
    }
    // A verb or adjective of everyday English the knowledge lacks describes the subject rather than
    // being it ("going to disrupt jobs"): it is not a word the answer must hold, when every other
    // word of the question is known ("the best time to visit iceland" keeps "visit" beside "iceland").
    const lacking = terms.filter((t) => t.matches.length === 0);
    if (lacking.length > 0 && lacking.length < terms.length) {
      const describing = describingWords(question);
      if (lacking.every((t) => describing.has(surface.get(t.term) ?? t.term)))
        terms.splice(0, terms.length, ...terms.filter((t) => t.matches.length > 0));
    }
    // Words found in nearly every unit ("backend" in a backend knowledge base) cannot change the
    // ranking but make MiniSearch score every unit: they are searched only when nothing else is.
    let specific = terms.filter((t) => t.idf >= GENERIC_IDF);
    // On large knowledge, the most common of the question's words would make MiniSearch score most
    // units: the rarest words are searched first, within a budget of postings (a share of the units).
    const dfOf = (t: TermMatch) => Math.max(0, ...t.matches.map((m) => this.counts.get(m) ?? 0));
    const budget = Math.min(POSTING_CAP, Math.max(POSTING_FLOOR, this.units.size * POSTING_SHARE));
    let spent = 0;
    const kept = [...specific]
      .sort((a, b) => dfOf(a) - dfOf(b))
      .filter((t, k) => {
        spent += dfOf(t);
        return k === 0 || spent <= budget;
      });
    if (kept.length < specific.length) {
      specific = specific.filter((t) => kept.includes(t));
      const set = new Set(specific);
      terms.splice(0, terms.length, ...terms.filter((t) => set.has(t) || t.matches.length === 0));
    }
    const weights = new Map<string, number>();
    const relatedOf = new Map<string, number>();
    for (const t of specific.length > 0 ? specific : terms) {
      const weight = t.confidence * rarityWeight(t.idf);
      for (const m of t.matches) {
        weights.set(m, Math.max(weights.get(m) ?? 0, weight));
        for (const r of this.analyze.related?.get(m) ?? []) {
          if (this.counts.has(r)) relatedOf.set(r, Math.max(relatedOf.get(r) ?? 0, weight * RELATED_WEIGHT));
        }
      }
    }
    // A related concept is searched only with a lower weight, and never above the exact term; and
    // only within what is left of the budget of postings, the rarest first.
    let left = budget - kept.reduce((sum, t) => sum + dfOf(t), 0);
    const relatedDf = (r: string) => this.counts.get(r) ?? 0;
    for (const r of [...relatedOf.keys()].sort((a, b) => relatedDf(a) - relatedDf(b))) {
      if (weights.has(r)) continue;
      if (relatedDf(r) > left) {
        relatedOf.delete(r);
        continue;
      }
      left -= relatedDf(r);
      weights.set(r, relatedOf.get(r)!);
    }
    if (weights.size === 0) {
      // A question of dropped words alone can still name a page by its whole title ("how do I get started?").
      const named = terms.length === 0 ? this.grammarTitles.named(read) : undefined;
      if (named)
        return { hits: [{ unit: named, score: 1, terms: [] }], terms, coverage: 1, coverageOf: () => 1 };
      return { hits: [], terms, coverage: 0, coverageOf: () => 0 };
    }
    // The rarest word alone over the budget (a question of only common words): it is looked for in
    // titles only, where a unit about it names it, not in the texts of most of the knowledge.
    const wide = kept[0] && dfOf(kept[0]) > budget ? new Set(kept[0].matches) : undefined;
    const searched = [...weights.keys()];
    // Terms are searched as words of one string, as MiniSearch's query of them was (a phrase term
    // searches its words).
    const everywhere = searched
      .filter((w) => !wide?.has(w))
      .join(' ')
      .split(' ')
      .filter(Boolean);
    const groups: TermGroup[] = [
      ...(everywhere.length > 0 ? [{ terms: everywhere }] : []),
      ...(wide
        ? [{ terms: [...wide].join(' ').split(' ').filter(Boolean), fields: ['title', 'aliases'] }]
        : []),
    ];
    // Only the results looked at are built: on large knowledge thousands of units match.
    const results = this.scorer.top(
      groups,
      FIELD_BOOST,
      (term) => weights.get(term) ?? 1,
      Math.max(limit, WORDED_POOL),
    );
    const toHit = (r: ScoredResult) => ({
      unit: this.units.get(r.id)!,
      score: r.score,
      terms: r.terms,
    });
    const hits = results.slice(0, Math.max(limit, RERANK_WINDOW)).map(toHit);
    this.boostPhrases(hits, specific);
    const sequence = tokenize(read).map((t) => stemWord(t.lower));
    // A title worded like the question may rank below the window when all its words are common
    // ("What does a backend developer do day to day?"): the next results are looked at for one, which
    // joins the window's end to be weighed with the rest.
    const inWindow = Math.max(
      0,
      ...hits.slice(0, RERANK_WINDOW).map((h) => sharedRun(sequence, this.titleStems(h.unit))),
    );
    const worded = (sequence.length < MIN_WORDED_RUN ? [] : results.slice(RERANK_WINDOW, WORDED_POOL))
      .map((r) => ({ r, run: sharedRun(sequence, this.titleStems(this.units.get(String(r.id))!)) }))
      .filter(({ run }) => run >= MIN_WORDED_RUN && run > inWindow)
      .sort((a, b) => b.run - a.run)[0];
    if (worded && hits.length >= RERANK_WINDOW) hits.splice(RERANK_WINDOW - 1, 1, toHit(worded.r));
    // The vocabulary terms the question asks for by a word of everyday English ("well", not "golang").
    const everydayAsked = new Set(
      terms.filter((t) => isEverydayWord(surface.get(t.term) ?? t.term)).flatMap((t) => t.matches),
    );
    this.rerank(hits, terms, relatedOf, sequence, everydayAsked);
    this.leadGrammarTitle(hits, read, terms, relatedOf, new Set(weights.keys()));
    const asked = new Set(terms.flatMap((t) => t.matches));
    // Only words of everyday language are found by chance ("tie"), not names ("postgresql").
    const english = new Map<string, string>();
    for (const t of terms) {
      const word = surface.get(t.term) ?? t.term;
      if (isEnglishWord(word)) for (const m of t.matches) english.set(m, word);
    }
    const coverage = hits[0]
      ? this.unitCoverage(hits[0], terms, relatedOf, this.weakTerms([hits[0]], asked, english))
      : 0;
    const coverageOf = (units: readonly SearchHit[]) =>
      this.unitCoverage(
        { terms: [...new Set(units.flatMap((h) => h.terms))] },
        terms,
        relatedOf,
        this.weakTerms(units, asked, english),
      );
    return { hits: hits.slice(0, limit), terms, coverage, coverageOf };
  }

  /**
   * A unit titled only by words the search drops ("Getting Started") that the question names whole
   * beside its subject ("getting started with fastify"): the search cannot see that title, yet the
   * question asks for that very page, about its subject. It leads when its own title or text holds a
   * searched word and it covers the question at least as well as the lead; among several, the one
   * whose title, aliases or path name more of the question, then the one covering more, then the
   * first as {@link GrammarTitles.namedWithin} ranks them (a document before a section).
   */
  private leadGrammarTitle(
    hits: SearchHit[],
    question: string,
    terms: readonly TermMatch[],
    related: ReadonlyMap<string, number>,
    searched: ReadonlySet<string>,
  ): void {
    const lead = hits[0];
    if (!lead) return;
    const candidates = this.grammarTitles.namedWithin(question);
    if (candidates.length === 0) return;
    const leadCoverage = this.unitCoverage(lead, terms, related);
    let best: { unit: KnowledgeUnit; matched: string[]; coverage: number; named: number } | undefined;
    for (const unit of candidates) {
      const own = new Set(this.wordsOf(unit));
      const anchors = this.anchorTermsOf(unit);
      const matched = [...searched].filter((t) => own.has(t) || anchors.has(t));
      if (!matched.some((t) => own.has(t))) continue;
      const coverage = this.unitCoverage({ terms: matched }, terms, related);
      if (coverage < leadCoverage) continue;
      const named = matched.filter((t) => anchors.has(t)).length;
      if (!best || named > best.named || (named === best.named && coverage > best.coverage))
        best = { unit, matched, coverage, named };
    }
    if (!best) return;
    const chosen = best;
    const at = hits.findIndex((h) => h.unit.id === chosen.unit.id);
    const hit = at >= 0 ? hits.splice(at, 1)[0]! : { unit: chosen.unit, score: 0, terms: [] as string[] };
    hit.terms = [...new Set([...hit.terms, ...chosen.matched])];
    hit.score = Math.max(hit.score, lead.score * 1.01);
    hits.unshift(hit);
  }

  /**
   * How much of the question one unit covers (0..1): the rarity-weighted share of the question's
   * terms found in the unit's title, path or text (a related concept counts for little, a word the
   * knowledge lacks counts against).
   */
  unitCoverage(
    hit: Pick<SearchHit, 'terms'>,
    terms: readonly TermMatch[],
    related: ReadonlyMap<string, number>,
    weak: ReadonlyMap<string, number> = new Map(),
  ): number {
    let total = 0;
    let covered = 0;
    for (const t of terms) {
      total += t.idf;
      const found = t.matches.filter((m) => hit.terms.includes(m));
      if (found.length > 0) covered += t.idf * t.confidence * Math.max(...found.map((m) => weak.get(m) ?? 1));
      else if (
        t.matches.some((m) =>
          (this.analyze.related?.get(m) ?? []).some((r) => related.has(r) && hit.terms.includes(r)),
        )
      ) {
        covered += t.idf * t.confidence * RELATED_WEIGHT;
      }
    }
    return total > 0 ? covered / total : 0;
  }

  /**
   * How much each term the units matched counts towards covering the question: less when the units
   * have it only as a word of a term of art not asked for ({@link partialNames}), or only in the text
   * of units whose titles and paths name nothing of the question and that use each of its words once,
   * when it is a word of everyday language (a word used in passing: "tie" in a page about git
   * merges) that the unit does not write as a name (see {@link writtenAsName}): such a word counts as much as it is unlikely that the knowledge has an everyday word at
   * all (fully in a small focused knowledge, little in a large one that has most of English).
   */
  private weakTerms(
    hits: readonly SearchHit[],
    asked: ReadonlySet<string>,
    english: ReadonlyMap<string, string>,
  ): Map<string, number> {
    const weights = new Map<string, number>();
    for (const term of this.partialNames(hits, asked)) weights.set(term, PARTIAL_NAME_WEIGHT);
    const anchored = new Set<string>();
    const passing = new Set<string>();
    for (const hit of hits) {
      const names = this.anchorTermsOf(hit.unit);
      const own = hit.terms.filter((t) => asked.has(t));
      const words = this.wordsOf(hit.unit);
      // A word found in most of the knowledge ("work") repeats in any unit: it tells nothing of passing use.
      const telling = own.filter((t) => this.idf(this.counts.get(t) ?? 1) >= TELLING_IDF);
      const counted = telling.length > 0 ? telling : own;
      const once = counted.length > 0 && counted.every((t) => words.indexOf(t) === words.lastIndexOf(t));
      const into = !once || own.some((t) => names.has(t)) ? anchored : passing;
      // An English word the unit writes as a name ("Redis, Memcached and Varnish") is the name.
      for (const term of hit.terms) {
        const word = english.get(term);
        (into === passing && word !== undefined && writtenAsName(hit.unit.text, word) ? anchored : into).add(
          term,
        );
      }
    }
    const weight = 1 - this.everydayShare();
    for (const term of passing) {
      if (!anchored.has(term) && english.has(term))
        weights.set(term, Math.min(weights.get(term) ?? 1, weight));
    }
    return weights;
  }

  /**
   * The share of everyday English words the knowledge has (a few percent in a small focused one, most
   * of them in a large one): how likely any word of a question is found somewhere by chance.
   */
  private everydayShare(): number {
    if (this.everyday === undefined) {
      // Stems, not the analyser's terms: a statistic of the vocabulary, cheap on every reload.
      const stems = everydayStems();
      let known = 0;
      for (const term of stems) if (this.counts.has(term)) known++;
      this.everyday = stems.length > 0 ? known / stems.length : 0;
    }
    return this.everyday;
  }

  /** The analysed words of a unit's title and text, in order, cached. */
  private wordsOf(unit: KnowledgeUnit): string[] {
    let words = this.unitWords.get(unit.id);
    if (!words) {
      words = this.analyze(`${unit.title} ${unit.text}`);
      this.unitWords.set(unit.id, words);
    }
    return words;
  }

  /** The analysed terms of a unit's title, aliases and path: what it is about, cached. */
  private anchorTermsOf(unit: KnowledgeUnit): Set<string> {
    let names = this.anchorTerms.get(unit.id);
    if (!names) {
      names = new Set([
        ...this.titleTermsOf(unit),
        ...this.analyze(unit.aliases.join(' '), true),
        ...this.analyze(unit.path.slice(0, -1).join(' '), true),
      ]);
      this.anchorTerms.set(unit.id, names);
    }
    return names;
  }

  /**
   * The question's terms that the given units have only as a word of a term of art the question does
   * not name: a unit titled "First Contentful Paint (FCP)" is about that metric, and "paint my bedroom"
   * names one of its words in another sense. A term of art is a title of words and their acronym in
   * brackets, or a camelCase name ("keepAliveTimeout"); the question names it by the acronym (the
   * name) or all its words.
   */
  private partialNames(
    hits: readonly Pick<SearchHit, 'unit' | 'terms'>[],
    asked: ReadonlySet<string>,
  ): Set<string> {
    const partial = new Set<string>();
    const full = new Set<string>();
    for (const hit of hits) {
      const acronym = termOfArt(hit.unit.title);
      const camel = acronym ? undefined : camelName(hit.unit.title);
      const name = acronym ?? camel;
      const words = name ? [...new Set(this.analyze(name.words))] : [];
      // A camelCase name is named by itself whole (its first term), an acronym by any of its terms.
      const own = name ? this.analyze(name.acronym) : [];
      const named =
        !name ||
        (camel ? asked.has(own[0] ?? '') : own.some((a) => asked.has(a))) ||
        words.every((w) => asked.has(w));
      for (const term of hit.terms) {
        if (!named && words.includes(term)) partial.add(term);
        else full.add(term);
      }
    }
    for (const term of full) partial.delete(term);
    return partial;
  }

  /** Analyses text as questions are (`query`) or as knowledge is: for filters that must agree with search. */
  analyzeText(text: string, query = true): string[] {
    return this.analyze(text, query);
  }

  /** The analysed terms of a unit's title (a synonym phrase as its one term), cached. */
  titleTermsOf(unit: KnowledgeUnit): string[] {
    let title = this.titleTerms.get(unit.id);
    if (!title) {
      // "How does X work?" titles a topic about X, as the same question does.
      const form = HOW_WORKS.test(unit.title) ? 'work' : undefined;
      title = [...new Set(this.analyze(unit.title, true))].filter((t) => t !== form);
      this.titleTerms.set(unit.id, title);
    }
    return title;
  }

  /**
   * The share of a title's words, stop words included, that the question uses too: between titles
   * made of the same topic words ("What are behavioral interviews", "The importance of behavioral
   * interviews"), the one worded like the question. Numbering ("1.", "6.") is not a word.
   */
  private wordingFit(unit: KnowledgeUnit, words: ReadonlySet<string>): number {
    const title = this.titleStems(unit);
    if (title.length === 0) return 0;
    return this.wordsRepeated(unit, words) / title.length;
  }

  /** How many of a title's words (stems) the question has; "vs" and "versus" stand for its "or". */
  private wordsRepeated(unit: KnowledgeUnit, words: ReadonlySet<string>): number {
    const or = words.has('or');
    return this.titleStems(unit).filter((w) => words.has(w) || (or && (w === 'vs' || w === 'versus'))).length;
  }

  /** A title's words as stems, stop words included, numbering ("1.", "6.") left out. */
  private titleStems(unit: KnowledgeUnit): readonly string[] {
    let title = this.titleWords.get(unit.id);
    if (!title) {
      title = tokenize(unit.title)
        .map((t) => stemWord(t.lower))
        .filter((w) => !/^\p{N}+$/u.test(w));
      this.titleWords.set(unit.id, title);
    }
    return title;
  }

  /**
   * How well the question names a unit: its whole title, or the name a title gives before a colon or
   * dash ("CAP Theorem: One of the Most Misunderstood Terms" is named by "the CAP theorem"), unless
   * other titles share that lead (a series: "Coding interviews: ...").
   */
  private nameFit(unit: KnowledgeUnit, asked: ReadonlySet<string>): number {
    const fit = this.titleFit(this.titleTermsOf(unit), asked);
    const head = this.parts.nameOf(unit.title);
    if (!head) return fit;
    return Math.max(fit, this.titleFit([...new Set(this.analyze(head, true))], asked));
  }

  /**
   * How much of a title the question names, each title word weighted by its rarity: naming the rare
   * word of "Job Responsibilities" says more than naming the common words of "A Day as a Backend
   * Developer".
   */
  private titleFit(title: readonly string[], asked: ReadonlySet<string>): number {
    if (title.length === 0) return 0;
    let named = 0;
    let total = 0;
    let count = 0;
    for (const t of title) {
      const weight = this.idf(this.counts.get(t) ?? 1);
      total += weight;
      if (asked.has(t)) {
        named += weight;
        count++;
      }
    }
    // Half by words named, half by their rarity: a long title is not lost for one common word.
    return (count / title.length + (total > 0 ? named / total : 0)) / 2;
  }

  /**
   * Re-ranks the best hits by how well each unit itself fits the question: its coverage of the
   * question, and how much of its title the question names (a unit titled by the question's words is
   * the topic itself; one that only mentions them is not).
   */
  private rerank(
    hits: SearchHit[],
    terms: readonly TermMatch[],
    related: ReadonlyMap<string, number>,
    sequence: readonly string[],
    everydayAsked: ReadonlySet<string>,
  ): void {
    const words = new Set(sequence);
    const window = hits.slice(0, RERANK_WINDOW);
    const asked = new Set(terms.flatMap((t) => t.matches));
    const fits = new Map<string, { fit: number; coverage: number; named: number }>();
    // A title of a word or two that the question names whole ("Errors", "First Line", "Callouts") says
    // only that the unit is about one of its words: when another unit of the window covers most of the
    // question, the title counts in proportion to how much of the question its own unit covers beside
    // that one ("5.2. Faults" before "5.1. Errors" for "do 5xx errors count against my availability").
    const bestCoverage = Math.max(0, ...window.map((h) => this.unitCoverage(h, terms, related)));
    const fitShare = (unit: KnowledgeUnit, coverage: number) =>
      bestCoverage >= MOSTLY_COVERED && this.titleStems(unit).length <= SHORT_TITLE_WORDS
        ? coverage / bestCoverage
        : 1;
    for (const hit of window) {
      const title = this.titleTermsOf(hit.unit);
      const fit = this.nameFit(hit.unit, asked);
      const coverage = this.unitCoverage(hit, terms, related);
      const named = this.unitCoverage({ terms: title }, terms, related);
      fits.set(hit.unit.id, { fit, coverage, named });
      hit.score *=
        (1 + TITLE_FIT * fit * fitShare(hit.unit, coverage)) *
        (1 + QUESTION_FIT * named) *
        (COVERAGE_FLOOR + coverage) *
        ((hit.unit.kind === 'item' && !hit.unit.defined) ||
        this.parts.isWithinPart(hit.unit, this.parentOf, asked)
          ? ITEM_SHARE
          : 1);
    }
    // A defined item named by the question only in everyday words ("In practice" for "why practice
    // coding on a whiteboard ...") mentions them in passing, like an item that only mentions things:
    // it keeps the item share, without the boost of its title being named, when a section or document
    // of the window covers more of the question, by a word that is not everyday English too (else it
    // only holds more words found by chance: "what should I name my new puppy").
    for (const hit of window) {
      if (hit.unit.kind !== 'item' || !hit.unit.defined) continue;
      const own = fits.get(hit.unit.id)!;
      if (!this.namedOnlyInEverydayWords(hit.unit, asked, everydayAsked)) continue;
      const covers = (h: SearchHit) =>
        h.unit.kind !== 'item' &&
        fits.get(h.unit.id)!.coverage > own.coverage &&
        h.terms.some((t) => asked.has(t) && !everydayAsked.has(t));
      // Its title's words are no name of the subject: the title fits count for nothing either.
      if (window.some(covers))
        hit.score *= ITEM_SHARE / ((1 + TITLE_FIT * own.fit) * (1 + QUESTION_FIT * own.named));
    }
    this.promoteShownIn(window, fits, terms, related, asked);
    // A part of a topic ("Disadvantages" of a section, "Why X" under "X") gives way to the topic
    // itself when that covers the question as well, the part's title names nothing of the question
    // the topic's title lacks ("Always negotiate" stays above "Negotiation", "States" above "Long
    // running operations" for "which states should a long running operation support"), and the topic
    // is named by the question at least as well or worded like it at least as much ("What are X"
    // stays above "X: how to prepare" for "what are X").
    for (const hit of window) {
      const own = fits.get(hit.unit.id)!;
      const title = this.titleTermsOf(hit.unit);
      for (let p = hit.unit.parentId; p; p = this.units.get(p)?.parentId) {
        const parent = fits.get(p);
        const parentHit = window.find((h) => h.unit.id === p);
        if (
          parent &&
          parentHit &&
          parent.coverage >= own.coverage &&
          parent.fit > 0 &&
          !namesOwnAspect(title, this.titleTermsOf(parentHit.unit), asked) &&
          ((parent.fit >= own.fit && parent.named >= own.named) ||
            this.isAspectOf(hit.unit, parentHit.unit, asked) ||
            this.wordingFit(parentHit.unit, words) >= this.wordingFit(hit.unit, words))
        ) {
          parentHit.score = Math.max(parentHit.score, hit.score * 1.01);
          break;
        }
      }
    }
    this.promotePartsOfSummaries(window, fits, terms, related, asked);
    // Each related concept searched for, and the question's terms it was searched in place of.
    const standsFor = new Map<string, string[]>();
    for (const t of terms) {
      for (const m of t.matches) {
        for (const r of this.analyze.related?.get(m) ?? []) {
          if (related.has(r) && !asked.has(r)) standsFor.set(r, [...(standsFor.get(r) ?? []), m]);
        }
      }
    }
    promoteAspects(
      window.filter((h) => h.unit.kind !== 'item' && !this.parts.isWithinPart(h.unit, this.parentOf, asked)),
      window,
      (id) => fits.get(id)?.coverage,
      (unit) => this.titleTermsOf(unit),
      asked,
      (term) => standsFor.get(term) ?? [],
    );
    // An item titled by a term gives way to a whole document titled by it too ("JWT" in a list of
    // terms, beside "JWT 101: ..."): the document is the topic, the item a mention in another one. So
    // does a section of another document, when the question names the document at least as well
    // ("Tracing" before "Logs vs Metrics vs Traces > Traces").
    for (const hit of window) {
      if (hit.unit.kind === 'document') continue;
      const own = fits.get(hit.unit.id)!;
      const title = this.titleTermsOf(hit.unit);
      if (title.length === 0) continue;
      const doc = window.find(
        (h) =>
          h.unit.kind === 'document' &&
          h.score < hit.score &&
          !hit.unit.id.startsWith(`${h.unit.id}/`) &&
          (fits.get(h.unit.id)!.coverage >= own.coverage ||
            sameName(title, this.titleTermsOf(h.unit)) ||
            (hit.unit.kind !== 'item' && fits.get(h.unit.id)!.named > own.named)) &&
          (hit.unit.kind === 'item' || fits.get(h.unit.id)!.fit >= own.fit) &&
          title.every((t) => this.titleTermsOf(h.unit).includes(t)),
      );
      if (!doc) continue;
      const before = doc.score;
      doc.score = hit.score * 1.01;
      // The document's own sections that ranked above it and cover more of the question stay above
      // it: the topic is that document, and they are the part of it asked for ("Callouts > Foldable
      // callouts" for "how do I make a callout collapsible", not "Callouts").
      const covered = fits.get(doc.unit.id)!.coverage;
      for (const part of window) {
        if (
          part.unit.id.startsWith(`${doc.unit.id}/`) &&
          part.score > before &&
          fits.get(part.unit.id)!.coverage > covered
        )
          part.score = Math.max(part.score, doc.score * 1.001);
      }
    }
    this.breakTitleTies(window, fits, words);
    window.sort((a, b) => b.score - a.score);
    promoteWordedLike(window, sequence, {
      titleStems: (unit) => this.titleStems(unit),
      coverage: (unit) => fits.get(unit.id)?.coverage ?? 0,
      named: (unit) => fits.get(unit.id)?.named ?? 0,
      isPart: (unit) =>
        (unit.kind === 'item' && !unit.defined) || this.parts.isWithinPart(unit, this.parentOf, asked),
    });
    hits.splice(0, window.length, ...window);
  }

  /** The unit a unit belongs to (its section or document), if any. */
  private readonly parentOf = (unit: KnowledgeUnit): KnowledgeUnit | undefined =>
    unit.parentId ? this.units.get(unit.parentId) : undefined;

  /**
   * A section with no text of its own is found by its children's titles and by its first child's text,
   * which it shows as its answer. Against another of its parts, the question's terms it has only from
   * that first child's text and the part lacks are evidence for the first child, not for the topic: the
   * topic counts its own name, its children's names and the terms it shares with the part. When the
   * part, whose title the question names at least as well as the topic's (the topic's name plus a word
   * of its own), then covers more of the question, the part is what was asked for ("Eager Watchers"
   * before "Watchers", whose "Basic Example" has the question's other words, for "make a watcher run
   * right away when the component loads"). Sections under headings that recur under many topics ("Code
   * Example", "Blog Quote") are parts of any topic and never the topic asked for: they are left out.
   */
  private promotePartsOfSummaries(
    window: SearchHit[],
    fits: ReadonlyMap<string, { fit: number; coverage: number; named: number }>,
    terms: readonly TermMatch[],
    related: ReadonlyMap<string, number>,
    asked: ReadonlySet<string>,
  ): void {
    for (const topic of window) {
      const lead = topic.unit.childIds[0] ? this.units.get(topic.unit.childIds[0]) : undefined;
      if (lead?.kind !== 'section' || !showsInFull(topic.unit, lead)) continue;
      const named = new Set(this.anchorTermsOf(topic.unit));
      for (const id of topic.unit.childIds) {
        const child = this.units.get(id);
        if (child) for (const t of this.titleTermsOf(child)) named.add(t);
      }
      let best: SearchHit | undefined;
      for (const part of window) {
        const own = fits.get(part.unit.id)!;
        if (
          part.score >= topic.score ||
          part.unit.kind !== 'section' ||
          own.fit <= 0 ||
          own.named < fits.get(topic.unit.id)!.named ||
          !part.unit.id.startsWith(`${topic.unit.id}/`) ||
          part.unit.id === lead.id ||
          part.unit.id.startsWith(`${lead.id}/`) ||
          this.parts.isWithinPart(part.unit, this.parentOf, asked)
        )
          continue;
        const shared = topic.terms.filter((t) => named.has(t) || part.terms.includes(t));
        if (!topic.terms.some((t) => asked.has(t) && !shared.includes(t))) continue;
        if (
          own.coverage > this.unitCoverage({ terms: shared }, terms, related) &&
          (!best || part.score > best.score)
        )
          best = part;
      }
      if (best) best.score = topic.score * 1.01;
    }
  }

  /**
   * A section whose content its parent shows in full (a bare title shows its children: "One Paragraph
   * Explainer" and "Code Example" under "Shut down gracefully") gives way to that parent when the question names the
   * parent's title better: the parent answers with the same text under the topic's own title. The
   * parent then has the terms of both.
   */
  private promoteShownIn(
    window: SearchHit[],
    fits: Map<string, { fit: number; coverage: number; named: number }>,
    terms: readonly TermMatch[],
    related: ReadonlyMap<string, number>,
    asked: ReadonlySet<string>,
  ): void {
    for (const hit of [...window]) {
      const parent = hit.unit.parentId ? this.units.get(hit.unit.parentId) : undefined;
      if (!parent || !showsInFull(parent, hit.unit)) continue;
      const own = fits.get(hit.unit.id)!;
      const title = this.titleTermsOf(parent);
      const fit = this.nameFit(parent, asked);
      if (fit <= own.fit) continue;
      let parentHit = window.find((h) => h.unit.id === parent.id);
      if (!parentHit) {
        parentHit = { unit: parent, score: 0, terms: [] };
        window.push(parentHit);
      }
      parentHit.terms = [...new Set([...parentHit.terms, ...hit.terms])];
      parentHit.score = Math.max(parentHit.score, hit.score * 1.01);
      const named = this.unitCoverage({ terms: title }, terms, related);
      fits.set(parent.id, { fit, coverage: this.unitCoverage(parentHit, terms, related), named });
    }
  }

  /**
   * Whether the question names a unit's title only by everyday English words (at least one): each
   * title word it names is among the most common words of English ({@link isEverydayWord}), and so is
   * the question's word for it (`everydayAsked`: "golang" names the title "Go" as a name).
   */
  private namedOnlyInEverydayWords(
    unit: KnowledgeUnit,
    asked: ReadonlySet<string>,
    everydayAsked: ReadonlySet<string>,
  ): boolean {
    let named = 0;
    for (const { lower } of tokenize(unit.title)) {
      const own = this.analyze(lower, true).filter((t) => asked.has(t));
      if (own.length === 0) continue;
      if (!isEverydayWord(lower) || !own.every((t) => everydayAsked.has(t))) return false;
      named++;
    }
    return named > 0;
  }

  /**
   * Whether a unit is an aspect of its ancestor that the question did not ask for: the title words the
   * question names are all in the ancestor's title, and the rest ("Disadvantages" of "Reverse proxy")
   * is not asked.
   */
  private isAspectOf(unit: KnowledgeUnit, ancestor: KnowledgeUnit, asked: ReadonlySet<string>): boolean {
    const title = this.titleTermsOf(unit);
    const outer = this.titleTermsOf(ancestor);
    const named = title.filter((t) => asked.has(t));
    return named.length > 0 && named.length < title.length && named.every((t) => outer.includes(t));
  }

  /**
   * Units whose titles have the same topic words and that cover the question equally are a tie
   * whatever their scores: the one whose title is worded like the question leads.
   */
  private breakTitleTies(
    window: SearchHit[],
    fits: ReadonlyMap<string, { fit: number; coverage: number; named: number }>,
    words: ReadonlySet<string>,
  ): void {
    const groups = new Map<string, SearchHit[]>();
    for (const hit of window) {
      const title = [...new Set(this.titleTermsOf(hit.unit))].sort().join(' ');
      if (title === '') continue;
      const key = `${title}|${fits.get(hit.unit.id)?.coverage.toFixed(3)}`;
      groups.set(key, [...(groups.get(key) ?? []), hit]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const top = Math.max(...group.map((h) => h.score));
      // Worded like the question: the larger share of the title's words, then the more of them
      // ("watch vs. watchEffect" before "watchEffect()" for "watch or watchEffect?").
      const worded = group
        .map((hit) => ({
          hit,
          fit: this.wordingFit(hit.unit, words),
          repeated: this.wordsRepeated(hit.unit, words),
        }))
        .sort((a, b) => b.fit - a.fit || b.repeated - a.repeated || b.hit.score - a.hit.score);
      const best = worded[0]!;
      const last = worded[worded.length - 1]!;
      if (best.fit === last.fit && best.repeated === last.repeated) continue;
      // The best worded keep their own order, above the rest of the tie.
      for (const { hit, fit, repeated } of worded)
        if (fit === best.fit && repeated === best.repeated) hit.score = top * 1.001 + hit.score * 1e-6;
    }
  }

  /**
   * Multiplies the score of the best hits by {@link PHRASE_BOOST} for each pair of consecutive
   * question terms that also stand side by side in the unit, then re-sorts them.
   */
  private boostPhrases(hits: SearchHit[], terms: TermMatch[]): void {
    const pairs: [string[], string[]][] = [];
    for (let i = 0; i + 1 < terms.length; i++) pairs.push([terms[i]!.matches, terms[i + 1]!.matches]);
    if (pairs.length === 0) return;
    const window = hits.slice(0, PHRASE_WINDOW);
    for (const hit of window) {
      const words = this.wordsOf(hit.unit);
      let found = 0;
      for (const [left, right] of pairs) {
        for (let k = 0; k + 1 < words.length; k++) {
          if (left.includes(words[k]!) && right.includes(words[k + 1]!)) {
            found++;
            break;
          }
        }
      }
      hit.score *= PHRASE_BOOST ** found;
    }
    window.sort((a, b) => b.score - a.score);
    hits.splice(0, window.length, ...window);
  }

  /**
   * Units whose titles or text match what a user has typed so far (the last word may be incomplete),
   * best first: for autocomplete.
   */
  suggest(partial: string, limit = 25): KnowledgeUnit[] {
    this.settle();
    const results = this.mini.search(partial, {
      prefix: (term, i, terms) => i === terms.length - 1 || term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      boost: { title: 6, aliases: 3, path: 0.5, text: 0.5 },
      combineWith: 'OR',
    });
    return results.slice(0, limit).map((r) => this.units.get(String(r.id))!);
  }
}
