/** Headings that name nothing: a picture (a logo, a banner) set as a heading. */

/** The parts of a markdown-it token this check reads. */
interface TokenLike {
  type: string;
  content: string;
  children: TokenLike[] | null;
}

/** HTML that only shows a picture or wraps one (`<img …>`, `<picture>`, `<a href>`, `<p align>`). */
const PICTURE_HTML = /^\s*<\/?(img|picture|source|a|p|div|span|br)\b[^>]*>\s*$/i;

/**
 * Whether a heading's inline token holds only pictures (Markdown images, `<img>` HTML, maybe linked)
 * and no words: such a heading is decoration, not the title of a section.
 */
export function isPictureOnlyHeading(inline: TokenLike | undefined): boolean {
  const children = inline?.children ?? [];
  let pictures = 0;
  for (const c of children) {
    if (c.type === 'image') pictures++;
    else if (c.type === 'html_inline') {
      if (!PICTURE_HTML.test(c.content)) return false;
      if (/^\s*<(img|picture)\b/i.test(c.content)) pictures++;
    } else if (c.type === 'text') {
      if (c.content.trim() !== '') return false;
    } else if (!['link_open', 'link_close', 'softbreak', 'hardbreak'].includes(c.type)) return false;
  }
  return pictures > 0;
}
