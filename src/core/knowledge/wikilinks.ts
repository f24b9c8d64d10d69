/**
 * Obsidian-style links in a line of Markdown: `[[Note]]`, `[[Note#Heading|shown text]]` and embeds
 * (`![[picture.png|100]]`, `![[Other note]]`). Outside the vault they link nowhere: a link reads as the
 * text Obsidian shows for it, and an embedded picture, sound, video or PDF is dropped (it has no text).
 */

/**
 * `[[target]]` or `[[target|alias]]` (the pipe escaped as `\|` inside a table), with a leading `!` for an
 * embed. Not `[[1]](url)` (a link whose text is `[1]`) nor shell tests (`[[ -f x ]]`, a space inside).
 */
const WIKILINK = /([ \t]*)(!?)\[\[(?![ \t])([^[\]\n|]*?)(?:\\?\|([^[\]\n]*))?\]\](?![([])/g;

/** A code span, left as it is: `` `[[Note]]` `` shows the syntax. */
const CODE_SPAN = /``[^\n]*?``|`[^`\n]+`/g;

/** Files an embed shows as media, not text. */
const MEDIA =
  /\.(avif|bmp|gif|jpe?g|png|svg|webp|ico|tiff?|mp3|m4a|flac|ogg|oga|wav|webm|3gp|mp4|mkv|mov|ogv|pdf)$/i;

/** What Obsidian shows for a link target: `Note > Heading` (`Heading` for one in the same note); block ids dropped. */
function shownTarget(target: string): string {
  const [note = '', ...headings] = target
    .replace(/\\$/, '')
    .split('#')
    .map((part) => part.trim());
  const parts = [note, ...headings.filter((h) => h !== '' && !h.startsWith('^'))].filter(Boolean);
  return parts.join(' > ');
}

/** The line with its wikilinks as their shown text and its media embeds removed; code spans kept. */
export function rewriteWikilinks(line: string): string {
  if (!line.includes('[[')) return line;
  // Where code spans are: a wikilink opening inside one is shown syntax; one may hold a span in its alias.
  const spans: [number, number][] = [];
  for (const m of line.matchAll(CODE_SPAN)) spans.push([m.index, m.index + m[0].length]);
  const inCode = (at: number) => spans.some(([from, to]) => at >= from && at < to);
  return line
    .replace(
      WIKILINK,
      (whole, space: string, embed: string, target: string, alias: string | undefined, at: number) => {
        if (inCode(at + space.length)) return whole;
        const file = target.split('#')[0]!.trim();
        // A dropped picture takes the space before it along (`**Settings** ![[gear.svg]].`).
        if (embed && MEDIA.test(file)) return '';
        const shown = alias?.trim();
        // An embed's alias is its size (`![[note|300]]`), not a name.
        return space + (shown && !(embed && /^\d+(x\d+)?$/.test(shown)) ? shown : shownTarget(target));
      },
    )
    .replace(/[ \t]+$/, '');
}
