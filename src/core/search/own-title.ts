import type { KnowledgeUnit } from '../knowledge/types';

/**
 * Whether a unit's title is a title of its own: a document's or a heading's, or a list item's that
 * names its subject (`**Go**: ...`, `Go: ...`). Any other list item is titled by its first words,
 * which are its text: searched as text, never as a topic's title.
 */
export function hasOwnTitle(unit: Pick<KnowledgeUnit, 'kind' | 'defined'>): boolean {
  return unit.kind !== 'item' || unit.defined === true;
}
