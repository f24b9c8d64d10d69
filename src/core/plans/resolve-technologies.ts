import { isGoLanguage, maxTypoDistance, tokenize as tokenizeText } from '../search/analyzer';
import { isEnglishWord } from '../search/english-words';
import { GLOSSARY } from '../search/glossary';
import type { Curriculum, CurriculumTopic } from './curriculum';
import { editDistance } from './edit-distance';
import { FILLER_WORDS } from './plan-words';

/** A word that names no known technology, with the closest known topics (none when nothing is near). */
export interface UnknownTechnology {
  word: string;
  closest: { id: string; title: string }[];
}

/** What a piece of free text names. */
export interface ResolvedTechnologies {
  /** Topic ids in the order they were named, without repeats. */
  ids: string[];
  unknown: UnknownTechnology[];
  /** Typos read as a topic: `{ from: 'pyhton', to: 'Python' }`. */
  corrections: { from: string; to: string }[];
}

/** Reads free text such as "I want to do Java with Spring" into curriculum topics. */
export type TechnologyResolver = (text: string) => ResolvedTechnologies;

const SPLIT = /[./'’_-]+/;
const MAX_WORD = 40;
/** Unknown words looked up for typos and suggestions; later ones are only counted. */
const MAX_LOOKED_UP = 5;

interface Token {
  raw: string;
  lower: string;
  word: string;
}

/** The search's tokenizer (one text pipeline for questions and plans), possessives dropped. */
function tokenize(text: string): Token[] {
  return tokenizeText(text).map((t) => ({ ...t, word: t.lower.replace(/'s$/, '') }));
}

/** Every name of a topic, as word lists: id, title, aliases. */
function namesOf(topic: CurriculumTopic): string[][] {
  const names = [topic.id, topic.title, ...topic.aliases].map((n) => tokenize(n).map((t) => t.word));
  return names.filter((n) => n.length > 0);
}

/**
 * The glossary's spellings of a topic's names (`k8s` for Kubernetes): the curriculum's aliases and the
 * search's synonyms are one source.
 */
function glossaryNamesOf(topic: CurriculumTopic): string[][] {
  const own = new Set([topic.id, topic.title, ...topic.aliases].map((n) => n.toLowerCase()));
  return GLOSSARY.same
    .filter((group) => group.some((entry) => own.has(entry.toLowerCase())))
    .flat()
    .map((n) => tokenize(n).map((t) => t.word))
    .filter((n) => n.length > 0);
}

/**
 * Builds the resolver for a curriculum: longest alias phrases first ("ruby on rails", "github
 * actions"), then single words, plurals, words split at punctuation ("javascript/typescript"), "go" by
 * its neighbours, filler words skipped, clear typos corrected ("pyhton"), and every other word named
 * back as unknown with the closest known topics.
 *
 * @example
 * const resolve = createTechnologyResolver(curriculum);
 * resolve('I want to do Java with Spring').ids; // ['java', 'spring-boot']
 */
export function createTechnologyResolver(curriculum: Curriculum): TechnologyResolver {
  const phrases = new Map<string, string>();
  const singles = new Map<string, string>();
  let longest = 1;
  const named = curriculum.topics.flatMap((topic) => namesOf(topic).map((words) => ({ topic, words })));
  const fromGlossary = curriculum.topics.flatMap((topic) =>
    glossaryNamesOf(topic).map((words) => ({ topic, words })),
  );
  for (const { topic, words } of [...named, ...fromGlossary]) {
    {
      const key = words.join(' ');
      if (words.length === 1) {
        if (!singles.has(key)) singles.set(key, topic.id);
      } else if (!phrases.has(key)) {
        phrases.set(key, topic.id);
        longest = Math.max(longest, words.length);
      }
    }
  }
  // A glossary phrase that names no topic is read whole and names nothing: "job search" is job hunting,
  // not Search engines.
  const blockers = new Set<string>();
  for (const group of GLOSSARY.same) {
    for (const words of group.map((n) => tokenize(n).map((t) => t.word))) {
      const key = words.join(' ');
      if (words.length > 1 && !phrases.has(key)) {
        blockers.add(key);
        longest = Math.max(longest, words.length);
      }
    }
  }
  const vocabulary = [...singles.entries(), ...phrases.entries()];

  const single = (word: string): string | undefined => {
    const found = singles.get(word);
    if (found) return found;
    if (word.length > 3 && word.endsWith('es') && singles.has(word.slice(0, -2))) {
      return singles.get(word.slice(0, -2));
    }
    if (word.length > 2 && word.endsWith('s')) return singles.get(word.slice(0, -1));
    return undefined;
  };

  const closest = (word: string, limit: number) => {
    const best = new Map<string, number>();
    for (const [name, id] of vocabulary) {
      const compact = name.replace(/\s+/g, '');
      let d = editDistance(word, compact, 6);
      // A word that begins a one-word name ("postgres", "kube") is that name; the first word of a
      // longer name is not ("frontend" is not "frontend integration", "github" not "github actions").
      // A word that starts with a name of two letters is another word ("prisma" is not "pr", "class"
      // not "cl").
      const oneWord = !/[\s._/-]/.test(name);
      if (
        oneWord &&
        word.length >= 2 &&
        (compact.startsWith(word) || (compact.length > 2 && word.startsWith(compact)))
      )
        d = Math.min(d, 1);
      if (d < (best.get(id) ?? Number.POSITIVE_INFINITY)) best.set(id, d);
    }
    const order = new Map(curriculum.topics.map((t, k) => [t.id, k]));
    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || order.get(a[0])! - order.get(b[0])!)
      .slice(0, limit)
      .map(([id, distance]) => ({ id, distance }));
  };

  return (text: string): ResolvedTechnologies => {
    const tokens = tokenize(text);
    const ids: string[] = [];
    const unknown: UnknownTechnology[] = [];
    const corrections: { from: string; to: string }[] = [];
    const add = (id: string) => {
      if (!ids.includes(id)) ids.push(id);
    };
    const titleOf = (id: string) => curriculum.byId.get(id)?.title ?? id;

    const word = (w: string): void => {
      const known = single(w);
      if (known) {
        add(known);
        return;
      }
      const pieces = w.split(SPLIT).filter(Boolean);
      if (pieces.length > 1) {
        for (const piece of pieces) word(piece);
        return;
      }
      if (FILLER_WORDS.has(w) || /^\d+$/.test(w) || w.length < 2) return;
      if (unknown.length >= MAX_LOOKED_UP) {
        // Enough to tell the user; do not spend time on a flood of unknown words.
        if (!unknown.some((u) => u.word === w)) unknown.push({ word: w.slice(0, MAX_WORD), closest: [] });
        return;
      }
      const near = closest(w, 3);
      const first = near[0];
      // A real English word ("rust") is never read as a typo of another name.
      const allowed = isEnglishWord(w) ? 0 : maxTypoDistance(w.length);
      if (first && first.distance <= allowed && (near[1]?.distance ?? 99) > first.distance) {
        corrections.push({ from: w.slice(0, MAX_WORD), to: titleOf(first.id) });
        add(first.id);
        return;
      }
      if (!unknown.some((u) => u.word === w)) {
        unknown.push({
          word: w.slice(0, MAX_WORD),
          // Only names that look alike: "rust" is near Ruby and REST; "cobol" is near nothing.
          closest: near
            .filter((n) => n.distance <= Math.max(2, Math.floor(w.length / 3)))
            .map((n) => ({ id: n.id, title: titleOf(n.id) })),
        });
      }
    };

    for (let i = 0; i < tokens.length; ) {
      let matched = 0;
      for (let k = Math.min(longest, tokens.length - i); k >= 2 && matched === 0; k--) {
        const key = tokens
          .slice(i, i + k)
          .map((t) => t.word)
          .join(' ');
        const id = phrases.get(key);
        if (id) add(id);
        if (id || blockers.has(key)) matched = k;
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      const w = tokens[i]!.word;
      if (w === 'go') {
        if (tokens.length === 1 || isGoLanguage(tokens, i)) add(singles.get('go') ?? 'go');
      } else {
        word(w);
      }
      i++;
    }
    return { ids, unknown, corrections };
  };
}
