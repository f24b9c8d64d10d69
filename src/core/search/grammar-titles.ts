import type { KnowledgeUnit } from '../knowledge/types';
import { stemWord, tokenize } from './analyzer';
import { hasOwnTitle } from './own-title';
import { STOP_WORDS } from './stop-words';
import { GRAMMAR_WORDS } from './worded-run';

/** Titles of more words than this are sentences, not the name of a page. */
const MAX_TITLE_WORDS = 6;
/** A title names something only with this many words beyond grammar ("Getting Started", not "Why?"). */
const MIN_NAMING_WORDS = 2;

const KIND_ORDER: Record<KnowledgeUnit['kind'], number> = { document: 0, section: 1, item: 2 };

/** The stems of a text's words, numbering ("1.", "2.4") left out. */
const stemsOf = (text: string) =>
  tokenize(text)
    .map((t) => t.lower)
    .filter((w) => !/^[\p{N}.]+$/u.test(w));

/**
 * Units titled only by words the search drops ("Getting Started", "Where to go next", "Getting help"):
 * no question reaches them through their words, yet a question made of the same words ("how do I get
 * started?") asks for that very page. Kept as each unit is added or removed, so that a question costs
 * a look at these few titles only.
 */
export class GrammarTitles {
  /** Each such unit with the stems of its title's words beyond grammar. */
  private readonly titles = new Map<string, { unit: KnowledgeUnit; stems: string[] }>();

  add(unit: KnowledgeUnit): void {
    if (!hasOwnTitle(unit)) return;
    const words = stemsOf(unit.title);
    if (words.length === 0 || words.length > MAX_TITLE_WORDS || !words.every((w) => STOP_WORDS.has(w)))
      return;
    const stems = [...new Set(words.map(stemWord))].filter((s) => !GRAMMAR_WORDS.has(s));
    if (stems.length < MIN_NAMING_WORDS) return;
    this.titles.set(unit.id, { unit, stems });
  }

  remove(unit: KnowledgeUnit): void {
    this.titles.delete(unit.id);
  }

  /**
   * The unit a question of search-dropped words alone names by its whole title: beyond grammar, the
   * question and the title have the same words ("how do I get started?" -> "Getting Started", "where
   * do I go next?" -> "Where to go next"). The title of most words wins, then a document before a section before an
   * item, then the shallowest; undefined when no title fits.
   *
   * @example
   * titles.named('how do I get started?')?.title; // "Getting Started"
   */
  named(question: string): KnowledgeUnit | undefined {
    if (this.titles.size === 0) return undefined;
    const asked = new Set(stemsOf(question).map(stemWord));
    let best: { unit: KnowledgeUnit; stems: string[] } | undefined;
    for (const entry of this.titles.values()) {
      if (!entry.stems.every((s) => asked.has(s))) continue;
      const title = new Set(entry.stems);
      if (![...asked].every((s) => title.has(s) || GRAMMAR_WORDS.has(s))) continue;
      if (!best || rank(entry) < rank(best)) best = entry;
    }
    return best?.unit;
  }

  /**
   * The units whose whole title, beyond grammar, a question names among other words: "getting
   * started with fastify" names "Getting Started" and asks it about fastify. Best first (as
   * {@link named} ranks them); empty when no title fits.
   */
  namedWithin(question: string): KnowledgeUnit[] {
    if (this.titles.size === 0) return [];
    const asked = new Set(stemsOf(question).map(stemWord));
    return [...this.titles.values()]
      .filter((entry) => entry.stems.every((s) => asked.has(s)))
      .sort((a, b) => rank(a) - rank(b))
      .map((entry) => entry.unit);
  }
}

const rank = (e: { unit: KnowledgeUnit; stems: string[] }) =>
  -e.stems.length * 100 + KIND_ORDER[e.unit.kind] * 10 + Math.min(9, e.unit.path.length);
