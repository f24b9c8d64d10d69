import type MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { FieldLengths } from './field-lengths';

/** A search result as {@link TopScorer} gives it: what MiniSearch's `search` gives, less `match`. */
export interface ScoredResult {
  id: string;
  score: number;
  /** The document's matched terms, in the order MiniSearch lists them (`Object.keys` of its match). */
  terms: string[];
}

/** Exact terms searched in some fields (all when none are named), each weighted by `boost(term)`. */
export interface TermGroup {
  terms: readonly string[];
  fields?: readonly string[];
}

/** The internals of MiniSearch 7 that its scoring reads (and `removeTerm`, which it calls on the way). */
interface Internals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _options: { fields: string[] };
  removeTerm(fieldId: number, docId: number, term: string): void;
}

/** MiniSearch's default BM25 parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Bits of a number that can mark matched terms; a query of more terms goes to MiniSearch itself. */
const MAX_TERMS = 30;

/**
 * Scores by document (of one term, one group or the whole query) in arrays indexed by MiniSearch's
 * short document ids, reused from question to question, with the documents in the order first
 * scored (a map of them per question was most of the time of a question on large knowledge).
 */
class Scores {
  score = new Float64Array(0);
  /** The documents scored, in the order first scored: the first `length` of them. */
  docs = new Int32Array(0);
  length = 0;
  private stamp = new Int32Array(0);
  private epoch = 0;

  /** Empties the scores, for documents of short ids below `capacity`. */
  reset(capacity: number): void {
    if (this.stamp.length < capacity) {
      const size = Math.max(capacity, this.stamp.length * 2);
      this.score = new Float64Array(size);
      this.docs = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.epoch = 0;
    }
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
    this.length = 0;
  }

  /** Whether the document has a score. */
  has(doc: number): boolean {
    return this.stamp[doc] === this.epoch;
  }

  /** Adds to a document's score (its first score is set, not added to zero, as MiniSearch does). */
  add(doc: number, score: number): void {
    if (this.stamp[doc] === this.epoch) this.score[doc]! += score;
    else {
      this.stamp[doc] = this.epoch;
      this.score[doc] = score;
      this.docs[this.length++] = doc;
    }
  }
}

/**
 * The best results of OR queries of exact terms over one MiniSearch 7 index, scored as MiniSearch's
 * `search` scores them, with its scratch space kept from one question to the next.
 */
export class TopScorer<T> {
  private readonly term = new Scores();
  private readonly group = new Scores();
  private readonly total = new Scores();
  /** Per document, the query's terms it matched (one bit per term, in the order of the query). */
  private mask = new Int32Array(0);

  /** MiniSearch's field lengths, in arrays. */
  private readonly lengths: FieldLengths;

  constructor(private readonly mini: MiniSearch<T>) {
    this.lengths = new FieldLengths(mini as MiniSearch<unknown>);
  }

  /** Notes that MiniSearch is about to discard the document of this id (call before `discard`). */
  discarding(id: string): void {
    this.lengths.discarding(id);
  }

  /**
   * The `limit` best results of an OR query of exact terms, exactly as MiniSearch 7's `search` ranks
   * them (the same scores to the bit, ties in the same order, postings of discarded documents
   * dropped the same way on the way), only without building a result object for every matching
   * document: on large knowledge a question's words are in thousands of units, and building then
   * sorting those objects was most of the time of a question (and its garbage, GC pauses). Each
   * group is MiniSearch's `{ queries: [terms.join(' ')], fields }`, the groups combined by OR.
   *
   * @example
   * scorer.top([{ terms: ['kafka', 'consumer'] }], { title: 3 }, () => 1, 10)[0]?.id;
   */
  top(
    groups: readonly TermGroup[],
    fieldBoost: Readonly<Record<string, number>>,
    boost: (term: string) => number,
    limit: number,
  ): ScoredResult[] {
    const ms = this.mini as unknown as Internals;
    const order = [...new Set(groups.flatMap((g) => g.terms))];
    if (order.length > MAX_TERMS) return viaMiniSearch(this.mini, groups, fieldBoost, boost, limit);
    const bit = new Map(order.map((term, k) => [term, 1 << k]));
    const capacity = ms._nextId;
    if (this.mask.length < capacity) this.mask = new Int32Array(Math.max(capacity, this.mask.length * 2));
    const { term: own, group: scores, total, mask } = this;
    total.reset(capacity);
    for (const group of groups) {
      const fields = group.fields ?? ms._options.fields;
      scores.reset(capacity);
      for (const term of group.terms) {
        own.reset(capacity);
        termScores(ms, term, fields, fieldBoost, boost(term), this.lengths, own);
        const mark = bit.get(term)!;
        for (let k = 0; k < own.length; k++) {
          const doc = own.docs[k]!;
          mask[doc] = (total.has(doc) || scores.has(doc) ? mask[doc]! : 0) | mark;
          scores.add(doc, own.score[doc]!);
        }
      }
      for (let k = 0; k < scores.length; k++) total.add(scores.docs[k]!, scores.score[scores.docs[k]!]!);
    }
    // The best `limit`, in MiniSearch's stable order: by score, then in the order first scored.
    const best: { doc: number; score: number }[] = [];
    for (let k = 0; k < total.length; k++) {
      const doc = total.docs[k]!;
      const score = total.score[doc]! * (countBits(mask[doc]!) || 1);
      if (best.length === limit && !(score > best[best.length - 1]!.score)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { doc, score });
      if (best.length > limit) best.pop();
    }
    return best.map(({ doc, score }) => {
      // MiniSearch lists the terms as the keys of an object: in the order matched, numbers first.
      const keys: Record<string, true> = {};
      for (const term of order) if (mask[doc]! & bit.get(term)!) keys[term] = true;
      return { id: String(ms._documentIds.get(doc)), score, terms: Object.keys(keys) };
    });
  }
}

/** Adds one term's BM25 scores by document over the fields, as MiniSearch's `termResults` sums them. */
function termScores(
  ms: Internals,
  term: string,
  fields: readonly string[],
  fieldBoost: Readonly<Record<string, number>>,
  termBoost: number,
  lengths: FieldLengths,
  scores: Scores,
): void {
  const data = ms._index.get(term);
  if (data === undefined) return;
  for (const field of fields) {
    const weight = termBoost * (fieldBoost[field] || 1);
    const fieldId = ms._fieldIds[field]!;
    const freqs = data.get(fieldId);
    if (freqs === undefined) continue;
    let matching = freqs.size;
    let idf = inverseFrequency(ms._documentCount, matching);
    const avgLength = ms._avgFieldLength[fieldId]!;
    const indexed = lengths.of(fieldId);
    for (const [doc, freq] of freqs) {
      const length = indexed[doc]!;
      if (length < 0) {
        // A discarded document: MiniSearch drops the posting, and counts the term's documents
        // without it from there on.
        ms.removeTerm(fieldId, doc, term);
        matching -= 1;
        idf = inverseFrequency(ms._documentCount, matching);
        continue;
      }
      const raw =
        idf *
        (BM25.d + (freq * (BM25.k + 1)) / (freq + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
      scores.add(doc, weight * raw);
    }
  }
}

/** BM25's inverse document frequency, written as MiniSearch computes it. */
function inverseFrequency(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

/** The number of terms a mask marks. */
function countBits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** The same query through MiniSearch's own `search` (for queries of very many terms). */
function viaMiniSearch<T>(
  mini: MiniSearch<T>,
  groups: readonly TermGroup[],
  fieldBoost: Readonly<Record<string, number>>,
  boost: (term: string) => number,
  limit: number,
): ScoredResult[] {
  const results = mini.search(
    {
      combineWith: 'OR',
      queries: groups.map((g) => ({ queries: [g.terms.join(' ')], fields: g.fields && [...g.fields] })),
    },
    {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: fieldBoost,
      boostTerm: (term) => boost(term),
      combineWith: 'OR',
    },
  );
  return results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
}
