/**
 * Inline decoration of README-style Markdown: status badges and emoji shortcodes. Neither says
 * anything a learner asks about, and both leaked into titles and search text.
 */

/** An image URL that is a status badge (shields.io, badgen, badge.fury.io, `.../badge.svg`, `/badges/`). */
const BADGE_URL =
  /(shields\.io|badgen\.net|badge\.fury\.io|\/badges?\/|badge\.svg|[?&]style=(flat|plastic|for-the-badge))/i;

/** `![alt](url "title")`, its URL captured. */
const IMAGE_SRC = String.raw`!\[[^\]\n]*\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)`;
const LINKED_IMAGE = new RegExp(String.raw`\[\s*${IMAGE_SRC}\s*\]\([^()\s]*(?:\([^()]*\))?[^()\s]*\)`, 'g');
const IMAGE = new RegExp(IMAGE_SRC, 'g');
const HTML_IMG = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;

/** Removes status badges from a line: linked or bare Markdown images and `<img>` tags whose URL is a badge. */
export function dropBadges(line: string): string {
  if (!BADGE_URL.test(line)) return line;
  const drop = (whole: string, url: string) => (BADGE_URL.test(url) ? '' : whole);
  const out = line.replace(LINKED_IMAGE, drop).replace(IMAGE, drop).replace(HTML_IMG, drop);
  return out.trim() === '' ? '' : out.replace(/[ \t]{2,}/g, ' ');
}

/** `:rocket:`, `:white_check_mark:`, `:+1:`, not inside words or `a::b` (times, C++ scopes, URLs). */
const SHORTCODE = /(?<![\w:/]):[a-z0-9][a-z0-9_+-]*:(?![\w:/])/gi;

/**
 * Removes emoji shortcodes from plain text (titles and search text). Display Markdown keeps them:
 * Discord and Slack show them as emoji.
 */
export function stripShortcodes(text: string): string {
  return text.includes(':') ? text.replace(SHORTCODE, '').replace(/[ \t]{2,}/g, ' ') : text;
}

/** The parts of a markdown-it token this check reads. */
interface TokenLike {
  type: string;
  content: string;
  children: TokenLike[] | null;
  attrGet(name: string): string | number | null;
}

/**
 * Whether a paragraph is only page navigation: in-page links (`**[⬆ back to top](#contents)**`,
 * `[Next](#next) | [Prev](#prev)`) with nothing but pictographs and separators besides. Such a line
 * points inside the original page; in an answer it leads nowhere.
 */
export function isNavigationLine(inline: TokenLike | undefined): boolean {
  const children = inline?.children ?? [];
  let links = 0;
  let inLink = false;
  for (const c of children) {
    if (c.type === 'link_open') {
      if (!String(c.attrGet('href') ?? '').startsWith('#')) return false;
      links++;
      inLink = true;
    } else if (c.type === 'link_close') inLink = false;
    else if (c.type === 'text' && !inLink && /[\p{L}\p{N}]/u.test(c.content)) return false;
    else if (c.type === 'image' || c.type === 'code_inline' || c.type === 'html_inline') return false;
  }
  return links > 0;
}

/**
 * Whether a paragraph's inline token, or an indented code block, has no letter or digit at all
 * (`= = = =`, an indented row of `*****`): a drawn separator. Undefined: no.
 */
export function isSeparatorLine(inline: TokenLike | undefined): boolean {
  if (!inline || inline.content.trim() === '') return false;
  const children = inline.children ?? [];
  if (children.some((c) => c.type === 'image' || c.type === 'link_open' || c.type === 'code_inline'))
    return false;
  return !/[\p{L}\p{N}]/u.test(inline.content);
}
