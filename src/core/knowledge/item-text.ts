/**
 * What a list item or heading says, read from its markdown-it inline token: its plain text, its
 * title, whether it names its subject, and whether it is only a resource link.
 */
import type MarkdownIt from 'markdown-it';
import { stripShortcodes } from './inline-shapes';
import { type LinkResolver, stripResourceMarkers } from './markdown-clean';
import type { KnowledgeResource } from './types';

/** A markdown-it token. */
export type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/**
 * The plain text of an inline token: text and code (and images' alt text), without Markdown markup;
 * with `maskCode`, code's characters are `x` (same length, same spaces): what its punctuation is not.
 */
export function inlineText(token: Token | undefined, images = true, maskCode = false): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .map((child) => {
      if (child.type === 'text') return stripShortcodes(child.content);
      if (child.type === 'code_inline') return maskCode ? child.content.replace(/\S/g, 'x') : child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
      if (child.type === 'image') return images ? child.content : '';
      return '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a text, for the "a link and a few words" rule. */
export const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The most words besides its link that a list item may have and still be only a resource ("a few words"). */
export const RESOURCE_EXTRA_WORDS = 12;

/**
 * What a list item is: a `resource` (a link, maybe with a few words: listed under its section's
 * answer), a `toc` entry (an in-page or site-relative link: dropped), or `content`.
 */
export function classifyItem(
  inline: Token | undefined,
  resolve: LinkResolver,
): { kind: 'resource' | 'toc' | 'content'; resource?: KnowledgeResource } {
  const children = inline?.children ?? [];
  let linkWords = 0;
  let otherWords = 0;
  let inLink = false;
  let links = 0;
  let first: { title: string; href: string } | undefined;
  let external = false;
  for (const child of children) {
    if (child.type === 'link_open') {
      inLink = true;
      links++;
      const href = String(child.attrGet('href') ?? '');
      if (resolve(href)) external = true;
      first ??= { title: '', href };
    } else if (child.type === 'link_close') inLink = false;
    else if (child.type === 'text' || child.type === 'code_inline') {
      const words = wordCount(stripResourceMarkers(child.content));
      if (!inLink) otherWords += words;
      else {
        linkWords += words;
        if (links === 1 && first) first.title += child.content;
      }
    }
  }
  if (!first || linkWords === 0 || otherWords > Math.max(RESOURCE_EXTRA_WORDS, linkWords))
    return { kind: 'content' };
  // A term defined in bold before its citation ("**Law of Demeter**: only talk to ... ([wikipedia](…))")
  // is content: the link is its source, not the item.
  if (namesSubjectOutsideLink(children)) return { kind: 'content' };
  if (!external) return otherWords <= 2 ? { kind: 'toc' } : { kind: 'content' };
  const title = stripResourceMarkers(first.title).replace(/\s+/g, ' ').trim();
  return { kind: 'resource', resource: { title: title || first.href, url: resolve(first.href) } };
}

/** Pictographs and their joiners, variation selectors and keycaps: decoration of a heading ("⚪️ 1.2", "3️⃣"). */
const PICTOGRAPHS = /\p{Extended_Pictographic}|\u200d|\ufe0e|\ufe0f|\u20e3/gu;

/** Whether an item opens with bold words that are not a link, followed by more words: `**Term**: ...`. */
function namesSubjectOutsideLink(children: Token[]): boolean {
  const first = children.findIndex((c) => c.type !== 'text' || c.content.trim() !== '');
  if (children[first]?.type !== 'strong_open' || children[first + 1]?.type !== 'text') return false;
  const close = children.findIndex((c, k) => k > first && c.type === 'strong_close');
  const after = children[close + 1];
  return close > 0 && after?.type === 'text' && wordCount(after.content) > 0;
}

/** Where the colon that ends an item's label is (-1 if none): one inside code (`a|b:"x"`) ends nothing. */
function labelColon(inline: Token | undefined): number {
  return stripResourceMarkers(inlineText(inline, true, true)).indexOf(':');
}

/**
 * Marks set after a title's words, apart (`### ref() \\*\\*`, `## Setup †`): a site's footnote or
 * badge for a variant of the page (Vue's API-preference stars), not part of the name.
 */
const TRAILING_MARKS = /(?:\s+[*†‡]+)+$/u;

export function cleanTitle(text: string): string {
  const plain = stripShortcodes(text)
    .replace(PICTOGRAPHS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TRAILING_MARKS, '');
  return (plain || text).replace(/[\s:：]+$/u, '').trim();
}

/** The title of a list item: its leading bold words, else the words before a colon, else its first words. */
export function itemTitle(inline: Token | undefined): string {
  const children = inline?.children ?? [];
  const first = children.findIndex((c) => c.type !== 'text' || c.content.trim() !== '');
  if (children[first]?.type === 'strong_open') {
    const close = children.findIndex((c, k) => k > first && c.type === 'strong_close');
    const bold = children
      .slice(first + 1, close < 0 ? undefined : close)
      .map((c) => c.content)
      .join('');
    if (cleanTitle(bold)) return cleanTitle(stripResourceMarkers(bold));
  }
  const text = stripResourceMarkers(inlineText(inline));
  const colon = labelColon(inline);
  if (colon > 1 && colon <= 60) return cleanTitle(text.slice(0, colon));
  const words = text.split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : cleanTitle(text);
}

/** Whether a list item opens with bold words (`**Go**: ...`). */
export function boldLead(inline: Token | undefined): boolean {
  const children = inline?.children ?? [];
  const first = children.findIndex((c) => c.type !== 'text' || c.content.trim() !== '');
  return children[first]?.type === 'strong_open';
}

/**
 * True when a list item names its subject (`**Go**: ...`, `Go: ...`): a definition, not a mention.
 * A label whose colon has nothing after it but punctuation (`- "tag:"`, one of a list of quoted
 * examples) defines nothing, unless the item has content under it (`hasBody`: a sub-list or
 * paragraphs below its first line, as under `- Implement using a fixed-sized array:`). Code after
 * the colon is something (`- Asterisk: \`\\*\``).
 */
export function isDefinedItem(inline: Token | undefined, hasBody = true): boolean {
  if (boldLead(inline)) return true;
  const colon = labelColon(inline);
  if (colon <= 1 || colon > 60) return false;
  return hasBody || wordCount(stripResourceMarkers(inlineText(inline, true, true)).slice(colon + 1)) > 0;
}

/**
 * Whether the list item whose first line is the inline token at `inline` has content below that line
 * (a sub-list, more paragraphs, code): the first line's paragraph is not followed by the item's end.
 */
export function hasItemBody(tokens: readonly { type: string }[], inline: number): boolean {
  const next = tokens[inline + 1]?.type === 'paragraph_close' ? tokens[inline + 2] : tokens[inline + 1];
  return next !== undefined && next.type !== 'list_item_close';
}
