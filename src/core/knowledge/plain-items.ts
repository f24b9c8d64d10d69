/**
 * Plain list lines: list items with no title of their own and no link (`- Patience`, `- O(n) to
 * insert elsewhere`). They are part of their section's (or parent item's) text, not units: a unit of
 * its own would answer with one line cut from its context.
 * A long plain line in a section of many is the exception: a tip that answers on its own
 * ({@link isStandaloneTip}).
 */
import { RESOURCE_EXTRA_WORDS, wordCount } from './item-text';

/** The parts of a markdown-it token this check reads. */
interface TokenLike {
  type: string;
  children: TokenLike[] | null;
}

/**
 * Whether the list item whose tokens run from `open` (its `list_item_open`) to `close` is plain: no
 * link or code block anywhere in it, and neither it nor any item nested in it is titled (`defined`
 * tells whether an item's first inline, at `index` of `tokens`, names its subject, `**Go**: ...` or `Go: ...`).
 */
export function isPlainItem(
  tokens: readonly TokenLike[],
  open: number,
  close: number,
  defined: (inline: TokenLike, index: number) => boolean,
): boolean {
  let expectTitle = true;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') return false;
    if (t.type === 'list_item_open') expectTitle = true;
    if (t.type !== 'inline') continue;
    if (t.children?.some((c) => c.type === 'link_open' || c.type === 'html_inline')) return false;
    if (expectTitle && defined(t, k)) return false;
    expectTitle = false;
  }
  return true;
}

/** The most words a `Label:` may have and still title its item: past it, it is a sentence. */
const LABEL_WORDS = 6;

/**
 * Whether an item's text is a sentence that introduces its sub-list (`There are 4 basic ways to
 * represent a graph in memory:`), not a `Label:` that titles it.
 */
export function isSentenceIntro(text: string): boolean {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon < 0 || trimmed.slice(colon + 1).trim() !== '') return false;
  return (trimmed.slice(0, colon).match(/[\p{L}\p{N}]+/gu) ?? []).length > LABEL_WORDS;
}

/**
 * How many characters of lists a section may hold and still answer with its plain lines in place:
 * twice what a chat answer shows before "more" (about 1,500), so a line past it would go unseen.
 */
export const LONG_LISTS = 3000;

/**
 * Whether a plain list line is a tip that answers on its own rather than a line of its section's text:
 * a sentence or more (more words than the few a link may carry and still be a resource, and no intro
 * ending in ":" that needs what follows it), on a bulleted list (numbered lines are steps, read in
 * order), in a section whose lists are far longer than one answer (`sectionLists`, their characters).
 */
export function isStandaloneTip(text: string, bulleted: boolean, sectionLists: number): boolean {
  const trimmed = text.trim();
  return (
    bulleted &&
    sectionLists > LONG_LISTS &&
    wordCount(trimmed) > RESOURCE_EXTRA_WORDS &&
    !trimmed.endsWith(':')
  );
}
