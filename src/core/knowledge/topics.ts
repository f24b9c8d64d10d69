import type { SearchIndex } from '../search/search-index';
import type { KnowledgeUnit } from './types';

/** One topic line: a section of a document (depth 1 for a top-level section). */
export interface TopicEntry {
  id: string;
  key: string;
  title: string;
  depth: number;
}

/** A document and the sections of it on this page. */
export interface TopicGroup {
  id: string;
  key: string;
  title: string;
  entries: TopicEntry[];
}

/** One page of the topics. */
export interface TopicPage {
  filter?: string;
  /** 0-based page number, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Topics (documents and sections) matching the filter, on every page. */
  total: number;
  groups: TopicGroup[];
}

export interface TopicOptions {
  filter?: string;
  page?: number;
  /** Lines (document headers included) per page, default 20. */
  pageSize?: number;
  /** Deepest section level listed without a filter (default 2: sections and their subsections). */
  maxDepth?: number;
}

/**
 * The knowledge's topics grouped by document and section, filtered with the search's own analyzer
 * (synonyms, stems and typo corrections: "k8s" finds Kubernetes), paged. Resources are not units;
 * list items are listed only under a filter; a document or section whose title matches lists what is
 * under it.
 */
export function pageTopics(
  units: readonly KnowledgeUnit[],
  index: SearchIndex,
  options: TopicOptions = {},
): TopicPage {
  const pageSize = Math.max(2, options.pageSize ?? 20);
  const maxDepth = options.maxDepth ?? 2;
  const filter = options.filter?.replace(/\s+/g, ' ').trim().slice(0, 100) || undefined;
  const wanted = filter
    ? index.analyzeText(filter).map((t) => new Set(index.resolve(t).matches.concat(t)))
    : [];
  const termsCache = new Map<string, Set<string>>();
  const termsOf = (unit: KnowledgeUnit) => {
    let terms = termsCache.get(unit.id);
    if (!terms) {
      terms = new Set(index.analyzeText([unit.title, ...unit.tags, ...unit.aliases].join(' '), false));
      termsCache.set(unit.id, terms);
    }
    return terms;
  };
  const matches = (chain: KnowledgeUnit[]) =>
    wanted.every((alternatives) => chain.some((u) => [...alternatives].some((t) => termsOf(u).has(t))));

  const lines: { group: TopicGroup; entry?: TopicEntry }[] = [];
  let total = 0;
  for (const doc of units) {
    if (doc.kind !== 'document') continue;
    const group: TopicGroup = { id: doc.id, key: doc.key, title: doc.title, entries: [] };
    const entries: TopicEntry[] = [];
    const walk = (unit: KnowledgeUnit, depth: number, chain: KnowledgeUnit[]) => {
      for (const id of unit.childIds) {
        const child = index.get(id);
        // Items are topics too, but only a filter lists them: the whole list stays an overview.
        if (!child || (child.kind === 'item' && !filter)) continue;
        if (matches([...chain, child]))
          entries.push({ id: child.id, key: child.key, title: child.title, depth });
        // A filtered list is short: what matches is listed at any depth.
        if (depth < maxDepth || filter) walk(child, depth + 1, [...chain, child]);
      }
    };
    walk(doc, 1, [doc]);
    if (entries.length === 0 && !matches([doc])) continue;
    total += 1 + entries.length;
    lines.push({ group });
    for (const entry of entries) lines.push({ group, entry });
  }
  const pages = Math.max(1, Math.ceil(lines.length / pageSize));
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
  const groups: TopicGroup[] = [];
  for (const { group, entry } of lines.slice(page * pageSize, (page + 1) * pageSize)) {
    let last = groups[groups.length - 1];
    if (!last || last.id !== group.id) {
      last = { ...group, entries: [] };
      groups.push(last);
    }
    if (entry) last.entries.push(entry);
  }
  return { filter, page, pages, total, groups };
}
