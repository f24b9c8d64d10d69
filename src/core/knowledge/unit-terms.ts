/**
 * The search terms of units, analysed ahead of indexing (by the parse worker) and sent to the main
 * thread compactly: each distinct term once, then term numbers. The main thread then only indexes.
 */
import type { Analyzer } from '../search/analyzer';
import { hasOwnTitle } from '../search/own-title';
import type { KnowledgeUnit } from './types';

/** The fields of a unit the search index reads, in this order. */
export const UNIT_FIELDS = ['title', 'aliases', 'path', 'text'] as const;

/**
 * The text of a unit's field as the search index reads it (the path without the unit's own title; no
 * title for a list item titled only by its first words).
 */
export function unitFieldText(unit: KnowledgeUnit, field: string): string {
  if (field === 'path') return unit.path.slice(0, -1).join(' ');
  if (field === 'aliases') return unit.aliases.join(' ');
  if (field === 'title' && !hasOwnTitle(unit)) return '';
  return (unit as unknown as Record<string, string>)[field] ?? '';
}

/** The analysed terms of each field of one unit, in the order of {@link UNIT_FIELDS}. */
export type UnitTerms = readonly (readonly string[])[];

/** The terms of a batch of units: the terms not sent before, and per unit and field a count then term numbers. */
export interface EncodedTerms {
  terms: string[];
  numbers: Uint32Array;
}

/** Analyses units and encodes their terms for {@link TermDecoder} (one encoder per decoder). */
export class TermEncoder {
  private readonly numbers = new Map<string, number>();
  private fresh: string[] = [];
  private out: number[] = [];
  private lastPath = '';
  private lastPathTerms: readonly string[] = [];

  constructor(private readonly analyze: Analyzer) {}

  /** Analyses every field of a unit and appends its terms. */
  add(unit: KnowledgeUnit): void {
    for (const field of UNIT_FIELDS) {
      const text = unitFieldText(unit, field);
      let terms: readonly string[];
      if (field !== 'path') terms = this.analyze(text);
      else {
        // Siblings share their path: analyse it once for a run of them.
        if (text !== this.lastPath) {
          this.lastPath = text;
          this.lastPathTerms = this.analyze(text);
        }
        terms = this.lastPathTerms;
      }
      this.out.push(terms.length);
      for (const term of terms) {
        let n = this.numbers.get(term);
        if (n === undefined) {
          n = this.numbers.size;
          this.numbers.set(term, n);
          this.fresh.push(term);
        }
        this.out.push(n);
      }
    }
  }

  /** The terms added since the last call, encoded. */
  take(): EncodedTerms {
    const encoded = { terms: this.fresh, numbers: Uint32Array.from(this.out) };
    this.fresh = [];
    this.out = [];
    return encoded;
  }
}

/** Decodes what one {@link TermEncoder} sends, batch after batch in order. */
export class TermDecoder {
  private readonly terms: string[] = [];

  /** The terms of `count` units, in the order they were added to the encoder. */
  decode(encoded: EncodedTerms, count: number): UnitTerms[] {
    for (const term of encoded.terms) this.terms.push(term);
    const { numbers } = encoded;
    const out: UnitTerms[] = [];
    let at = 0;
    for (let u = 0; u < count; u++) {
      const fields: string[][] = [];
      for (let f = 0; f < UNIT_FIELDS.length; f++) {
        const length = numbers[at++]!;
        const terms: string[] = new Array(length);
        for (let k = 0; k < length; k++) terms[k] = this.terms[numbers[at++]!]!;
        fields.push(terms);
      }
      out.push(fields);
    }
    if (at !== numbers.length) throw new Error('the analysed terms do not match the units');
    return out;
  }
}
