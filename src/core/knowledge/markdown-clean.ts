/**
 * Cleaning of real-world Markdown before and after parsing: documentation-site syntax (MDX imports and
 * components, `<head>` blocks, `:::tip` admonitions, heading ids, Hugo shortcodes, Liquid tags), zero-width characters, HTML, and
 * links that only work on the site they came from.
 */

import { rewriteSiteTemplates } from './site-templates';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** A fence line; a backtick fence's info string has no backtick ("```make``` runs it" is a code span). */
const FENCE = /^\s{0,3}(```(?=`*[^`]*$)|~~~)/;
const MDX_IMPORT = /^\s*(import\s.+\sfrom\s|import\s+['"]|export\s+(const|default|function)\s)/;
const ADMONITION = /^\s*:::\s*[\w-]*.*$/;
const HEADING_ID = /^(\s{0,3}#{1,6}\s.*?)\s*\{#[\w.:-]+\}\s*$/;
/** A line that is only a JSX component tag (`<Tabs>`, `<TabItem value="a">`, `</Tabs>`, `<Foo />`). */
const JSX_LINE = /^\s*<\/?[A-Z][\w.]*(\s[^<>]*)?\/?>\s*$/;

/**
 * Removes documentation-site syntax line by line, leaving code blocks alone: MDX `import`/`export`
 * lines, lines that are only a JSX component tag, `<head>...</head>` blocks, admonition markers
 * (`:::tip Title` and `:::`; their content stays), heading ids (`## Plan {#plan}`) and zero-width
 * characters; Hugo shortcodes and Liquid tags first become what the site renders ({@link rewriteSiteTemplates}).
 */
export function preprocessMarkdown(source: string): string {
  const unzeroed = source.replace(ZERO_WIDTH, '');
  const text = rewriteSiteTemplates(unzeroed.includes('\r') ? unzeroed.replace(/\r\n?/g, '\n') : unzeroed);
  // Each rewrite runs only in a file with the mark it needs: most files have none of them.
  const fences = text.includes('```') || text.includes('~~~');
  const tags = text.includes('<'); // `<head>` blocks and JSX component lines
  const mdx = text.includes('import') || text.includes('export');
  const admonitions = text.includes(':::');
  const headingIds = text.includes('{#');
  const lines = text.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let inHead = false;
  for (const line of lines) {
    const marker = fences ? FENCE.exec(line)?.[1] : undefined;
    if (fence) {
      if (marker === fence) fence = undefined;
      out.push(line);
      continue;
    }
    if (marker) {
      fence = marker;
      out.push(line);
      continue;
    }
    if (inHead) {
      if (/<\/head>/i.test(line)) inHead = false;
      out.push('');
      continue;
    }
    if (tags && /^\s*<head>/i.test(line)) {
      inHead = !/<\/head>/i.test(line);
      out.push('');
      continue;
    }
    if (
      (mdx && MDX_IMPORT.test(line)) ||
      (admonitions && ADMONITION.test(line)) ||
      (tags && JSX_LINE.test(line))
    ) {
      out.push('');
      continue;
    }
    out.push(headingIds ? line.replace(HEADING_ID, '$1') : line);
  }
  return out.join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the common HTML entities (named ones above, and numeric ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Names of HTML elements: other `<words>` in text (`<storage>`, `<T>`) are literal text, not tags. */
const HTML_TAGS =
  'a|abbr|article|aside|audio|b|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|p|param|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|path|table|tbody|td|template|textarea|tfoot|th|thead|time|tr|track|tt|u|ul|var|video|wbr';
const TAG = new RegExp(`<\\/?(?:${HTML_TAGS})(?=[\\s/>])[^<>]*>`, 'gi');
const HAS_HTML = new RegExp(`<\\/?(?:${HTML_TAGS})(?=[\\s/>])[^<>]*>|&#?\\w+;`, 'i');

/** HTML reduced to its text: images become their alt text (or nothing), HTML tags are dropped. */
export function htmlToText(html: string): string {
  const text = html.includes('<')
    ? html
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
        .replace(
          /<img\b[^>]*?\balt\s*=\s*("([^"]*)"|'([^']*)')[^>]*>/gi,
          (_m, _q, a = '', b = '') => ` ${a || b} `,
        )
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(TAG, '')
    : html;
  return decodeEntities(text)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** What becomes of a link target: an absolute URL, or undefined (the link turns into plain text). */
export type LinkResolver = (href: string) => string | undefined;

/**
 * A resolver for links of one file: absolute `http(s)`/`mailto` links stay; relative ones become
 * absolute against `baseUrl` (the knowledge's base for the file's folder) when one is given; in-page
 * anchors and other relative links become plain text.
 */
export function linkResolver(file: string, baseUrl: string | undefined): LinkResolver {
  return (href) => {
    const target = href.trim().replace(/^<|>$/g, '');
    if (/^(https?:|mailto:)/i.test(target)) return target;
    if (target === '' || target.startsWith('#') || !baseUrl || /^[a-z][\w+.-]*:/i.test(target))
      return undefined;
    try {
      const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
      return new URL(target.startsWith('/') ? target.slice(1) : folder + target, base).toString();
    } catch {
      return undefined;
    }
  };
}

/** `@article@Title`, `@video@Title`: resource-type markers of roadmap-style lists. */
const RESOURCE_MARKER = /@[a-z][\w-]{0,20}@ ?/gi;

/** Removes resource-type markers (`@article@ACID Explained` -> `ACID Explained`). */
export function stripResourceMarkers(text: string): string {
  return text.includes('@') ? text.replace(RESOURCE_MARKER, '') : text;
}

const IMAGE = /!\[([^\]]*)\]\(\s*(<[^>]*>|[^()\s]*(?:\([^()]*\))?[^()\s]*)(?:\s+"[^"]*")?\s*\)/g;
const LINK =
  /\[([^\][]*(?:\[[^\]]*\][^\][]*)*)\]\(\s*(<[^>]*>|[^()\s]*(?:\([^()]*\))?[^()\s]*)(?:\s+"[^"]*")?\s*\)/g;

/**
 * Display Markdown made portable: inline HTML reduced to text, images to their alt text, links that
 * only work on the original site turned into plain text (or absolute links), resource markers removed.
 * Code spans and fenced code are kept as they are.
 */
export function cleanDisplayMarkdown(markdown: string, resolve: LinkResolver): string {
  const code = markdown.includes('`') || markdown.includes('~~~');
  const parts = code ? markdown.split(/(```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]+`)/g) : [markdown];
  const joined = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let text = part.includes('![') ? part.replace(IMAGE, (_m, alt: string) => alt.trim()) : part;
      if (text.includes('](')) {
        text = text.replace(LINK, (_m, label: string, href: string) => {
          const url = resolve(href);
          return url ? `[${label}](${url})` : label;
        });
      }
      if ((text.includes('<') || text.includes('&')) && HAS_HTML.test(text)) {
        text = text
          .split('\n')
          .map((line) => (HAS_HTML.test(line) ? htmlToText(line) : line))
          .join('\n');
      }
      return stripResourceMarkers(text);
    })
    .join('');
  return (joined.includes('\n\n\n') ? joined.replace(/\n{3,}/g, '\n\n') : joined).trim();
}
