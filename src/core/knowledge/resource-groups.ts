/**
 * Groups of resource links: a list item that is only a label or a link (`- Videos:`, `- [Course](…)`)
 * over a list of nothing but links. The whole group is resources of its section ("Read more"), not a
 * unit whose answer would be a label and a list of links.
 */
import type { KnowledgeResource } from './types';

/** The parts of a markdown-it token this check reads. */
interface TokenLike {
  type: string;
  content: string;
  children: TokenLike[] | null;
}

/** What a list item's first inline is, as the loader classifies it. */
type ItemKind<T> = { kind: 'resource' | 'toc' | 'content'; resource?: KnowledgeResource; token?: T };

/** The most words a group's label without a colon may have (`Short course videos` is 3). */
const LABEL_WORDS = 8;

const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Whether an item's text labels what follows: it ends in ":" (`Just the videos - 41:`), or is a few
 * words with no colon (`Short course videos`). A definition (`Go: known for ...`) is no label.
 */
function isLabel(text: string): boolean {
  const trimmed = text.trim();
  if (/[:：]$/u.test(trimmed)) return true;
  return !/[:：]/u.test(trimmed) && words(trimmed) <= LABEL_WORDS;
}

/**
 * The resources of the list item from `open` (its `list_item_open`) to `close` when it is a group of
 * resource links: its own inline a short label or a link, with a nested list whose every item is a
 * resource (or an in-page link) and holds nothing else. Undefined when it is not such a group.
 */
export function resourceGroup<T extends TokenLike>(
  tokens: readonly T[],
  open: number,
  close: number,
  classify: (inline: T) => ItemKind<T>,
): { label: string; resources: KnowledgeResource[] } | undefined {
  const resources: KnowledgeResource[] = [];
  let label: string | undefined;
  let nested = 0;
  let depth = 0;
  let expectItem = true;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
    else if (t.type === 'list_item_open') expectItem = true;
    else if (t.type === 'inline') {
      if (!expectItem) return undefined;
      expectItem = false;
      const kind = classify(t);
      if (depth === 0 && label === undefined) {
        const hasLink = t.children?.some((c) => c.type === 'link_open');
        if (kind.kind === 'content' && (hasLink || !isLabel(t.content))) return undefined;
        label = kind.kind === 'content' ? t.content.replace(/[\s:：]+$/u, '') : '';
        if (kind.resource) resources.push(kind.resource);
        continue;
      }
      if (kind.kind === 'content') return undefined;
      nested++;
      if (kind.resource) resources.push(kind.resource);
    } else if (t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') return undefined;
  }
  return nested > 0 && label !== undefined ? { label, resources } : undefined;
}
