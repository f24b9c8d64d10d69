import { dropBadges } from './inline-shapes';
import { rewriteWikilinks } from './wikilinks';

/**
 * Line shapes of GitHub-flavoured Markdown that CommonMark reads differently from what their authors
 * mean, rewritten before parsing (code blocks left alone).
 */

/** A fence opening or closing a code block, at any indentation (fences inside list items are indented). */
const FENCE = /^\s*(```|~~~)/;

/** The start of a list item (after any block-quote markers) followed by a task box: `- [ ] `, `1. [x] `. */
const TASK_BOX = /^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[ xX]\](?=[ \t]|$)[ \t]*/;

/** A list item whose content is an ATX heading: `- ### Arrays`, `1. ## Setup`. */
const HEADING_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+)(#{1,6}(?:[ \t].*)?)$/;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Tabs in a line's indentation expanded to the next multiple of 4 columns, as CommonMark counts them. */
function expandIndent(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  let col = 0;
  for (const ch of lead) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return ' '.repeat(col) + line.slice(lead.length);
}

/**
 * Turns list items that hold a heading (`- ### Arrays` with its list indented below) into that
 * heading followed by the item's content, dedented: the author means a section, not a list item.
 * Only items of an outermost list are rewritten (a heading nested in an item stays part of it).
 */
export function liftHeadingItems(lines: string[]): string[] {
  const out: string[] = [];
  let open: number | undefined; // content column of the outermost list item being read
  let fence: string | undefined; // a code block outside list items
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(```|~~~)/.exec(line)?.[1];
    if (fence || (marker && open === undefined)) {
      if (fence && marker === fence) fence = undefined;
      else if (!fence) fence = marker;
      out.push(line);
      continue;
    }
    if (line.trim() !== '' && open !== undefined && indentOf(expandIndent(line)) < open) open = undefined;
    const match = open === undefined ? HEADING_ITEM.exec(line) : null;
    if (!match) {
      const item = open === undefined ? /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+\S/.exec(line) : null;
      if (item) open = item[1]!.length + item[2]!.length + 1;
      out.push(line);
      continue;
    }
    const content = match[1]!.length + match[2]!.length + match[3]!.length;
    let end = i + 1;
    while (end < lines.length) {
      const next = lines[end]!;
      if (next.trim() !== '' && indentOf(expandIndent(next)) < content) break;
      end++;
    }
    const body = lines.slice(i + 1, end).map(expandIndent);
    const shared = Math.min(...body.filter((l) => l.trim() !== '').map(indentOf), content);
    out.push(match[4]!, '', ...body.map((l) => l.slice(Math.min(shared, indentOf(l)))));
    i = end - 1;
  }
  return out;
}

/** A fence's marker at any indentation (fences inside list items are indented). */
const FENCE_MARKER = /^\s*(`{3,}|~{3,})/;

/** The first line of a list item, its marker and the spaces after it: `- Use xargs...`, `1. Run ...`. */
const ITEM_START = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)\S/;

/**
 * A code fence opened on the line right after a list item's first line, left of the item's text
 * (`- Use xargs. Examples:` over a fence at the margin), indented into the item with its code: the
 * author means the item's example, where CommonMark would end the list there and leave the item
 * without it.
 */
export function indentItemFences(lines: string[]): string[] {
  const out: string[] = [];
  let code: string | undefined; // the marker of the code block being read, if any
  let shift = 0; // how far that block is moved into the item above it
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE_MARKER.exec(line)?.[1];
    if (code !== undefined) {
      out.push(shift > 0 && line.trim() !== '' ? ' '.repeat(shift) + line : line);
      if (marker && marker[0] === code[0] && marker.length >= code.length && line.trim() === marker)
        code = undefined;
      continue;
    }
    if (marker) {
      const item = i > 0 ? ITEM_START.exec(expandIndent(lines[i - 1]!)) : null;
      code = marker;
      shift = item ? Math.max(0, item[1]!.length - indentOf(line)) : 0;
      out.push(' '.repeat(shift) + line);
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * The marker line of a GitHub alert (`> [!NOTE]`) or an Obsidian callout, whose kind is any word and
 * which may be foldable (`[!faq]-`, `[!tip]+`) and carry a title: `> [!info]- Screenshot of the menu`
 * (after any space, a no-break one too).
 */
const ALERT = /^(\s*(?:>[ \t]?)+)[ \t]*\[!([\w-]+)\][+-]?(?:\s+(.*?))?\s*$/;

/** The most words a callout's title may have and still read as a title, not a sentence. */
const CALLOUT_TITLE_WORDS = 10;

/**
 * GitHub alerts and Obsidian callouts as the quote they render as, led by their kind or title:
 * `> [!TIP]` -> `> **Tip:**`, `> [!example] Retry with backoff` -> `> **Retry with backoff**`; a title
 * that is a sentence follows its kind (`> [!tip] Back up first.` -> `> **Tip:** Back up first.`).
 */
export function labelAlerts(lines: string[]): string[] {
  return lines.map((line) => {
    const alert = ALERT.exec(line);
    if (!alert) return line;
    const kind = alert[2]!.toLowerCase().replace(/-/g, ' ');
    const label = `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
    const title = alert[3]?.trim() ?? '';
    const quote = alert[1]!.trimEnd();
    if (title === '' || title.toLowerCase() === kind) return `${quote} **${label}:**`;
    const sentence = /[.!?]$/.test(title) || title.split(/\s+/).length > CALLOUT_TITLE_WORDS;
    return sentence || title.includes('**') ? `${quote} **${label}:** ${title}` : `${quote} **${title}**`;
  });
}

/** An MkDocs admonition: `!!! note`, `!!! tip "Title"`, collapsible `??? warning` / `???+ info`. */
const MKDOCS_ADMONITION = /^( {0,3})(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"]*)")?[ \t]*$/;

/**
 * MkDocs admonitions as the labelled quote they render as: `!!! tip "Cache it"` over a body indented
 * by four spaces becomes `> **Cache it:**` over the body, quoted (indented, it read as a code block).
 */
export function quoteAdmonitions(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = /^ {0,3}(```|~~~)/.exec(lines[i]!)?.[1];
    if (fence || marker) {
      fence = fence ? (marker === fence ? undefined : fence) : marker;
      out.push(lines[i]!);
      continue;
    }
    const match = MKDOCS_ADMONITION.exec(lines[i]!);
    if (!match) {
      out.push(lines[i]!);
      continue;
    }
    const indent = match[1]!.length + 4;
    const title = match[3] ?? `${match[2]![0]!.toUpperCase()}${match[2]!.slice(1)}`;
    let end = i + 1;
    while (end < lines.length) {
      const next = expandIndent(lines[end]!);
      if (next.trim() !== '' && indentOf(next) < indent) break;
      end++;
    }
    while (end > i + 1 && lines[end - 1]!.trim() === '') end--;
    const body = lines.slice(i + 1, end).map((l) => expandIndent(l).slice(indent));
    out.push(match[1] + (title ? `> **${title}:**` : '>'), ...body.map((l) => `${match[1]}> ${l}`.trimEnd()));
    i = end - 1;
  }
  return out;
}

/** A row of a one-column pipe table: `| NOTE: |` (its cell captured). */
const ONE_CELL_ROW = /^ {0,3}\|(.*)\|[ \t]*$/;
const ONE_CELL_DELIMITER = /^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*$/;

/**
 * One-column pipe tables as the boxed note their authors draw with them (`| NOTE: |` over `| :--- |`
 * over the note): a quote led by the header in bold, `> **NOTE:** Don't ...`. A table of one column
 * holds no comparison, and Discord and Slack show a pipe table as raw pipes.
 */
export function quoteOneCellTables(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = ONE_CELL_ROW.exec(lines[i]!);
    const opens =
      header && !header[1]!.replace(/\\\|/g, '').includes('|') && ONE_CELL_DELIMITER.test(lines[i + 1] ?? '');
    if (!opens) {
      out.push(lines[i]!);
      continue;
    }
    let end = i + 2;
    const body: string[] = [];
    for (; end < lines.length && ONE_CELL_ROW.test(lines[end]!); end++)
      body.push(ONE_CELL_ROW.exec(lines[end]!)![1]!.trim());
    const title = header![1]!.trim();
    const lead = title === '' ? '>' : `> **${title}**`;
    if (body.length === 1 && title.endsWith(':')) out.push(`${lead} ${body[0]}`);
    else out.push(lead, ...body.flatMap((row) => ['>', `> ${row}`]));
    i = end - 1;
  }
  return out;
}

/** A footnote definition line: `[^spec]: "Title", Publisher; https://...`. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*/;

/**
 * GitHub footnotes, which CommonMark shows as raw brackets: a reference (`closure[^spec]`) is dropped
 * and a definition reads as its text. Only ids the file defines are references (`[^a-z]` in prose is
 * not one); code spans are kept.
 */
export function dropFootnotes(lines: string[], defined: ReadonlySet<string>): string[] {
  if (defined.size === 0) return lines;
  return lines.map((line) => {
    const definition = line.replace(FOOTNOTE_DEFINITION, '');
    return definition
      .split(/(`[^`\n]+`)/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(/\[\^([^\]\s]+)\](?!:)/g, (ref, id: string) => (defined.has(id) ? '' : ref)),
      )
      .join('');
  });
}

/** Calls `rewrite` on each run of lines outside fenced code and keeps the code lines as they are. */
export function outsideCode(lines: string[], rewrite: (run: string[]) => string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker === fence) fence = undefined;
      continue;
    }
    if (marker) {
      out.push(...rewrite(run), line);
      run = [];
      fence = marker;
      continue;
    }
    run.push(line);
  }
  out.push(...rewrite(run));
  return out;
}

/** Removes GitHub task-list boxes (`- [ ] item`, `- [x] item` -> `- item`): progress marks, not content. */
export function dropTaskBoxes(lines: string[]): string[] {
  return lines.map((line) => line.replace(TASK_BOX, '$1'));
}

/** The marks every code fence has. */
const FENCE_MARKS = ['```', '~~~'];

/** Whether any of the lines holds any of the marks. */
function hasMark(lines: readonly string[], ...marks: string[]): boolean {
  return lines.some((line) => marks.some((mark) => line.includes(mark)));
}

/**
 * Rewrites the GitHub Markdown shapes of a file's text (after `preprocessMarkdown`) into the
 * CommonMark their authors mean: task-list boxes, status badges and footnote marks are dropped,
 * Obsidian wikilinks read as their text, GitHub alerts, Obsidian callouts, MkDocs admonitions and one-column tables are
 * labelled quotes, a code fence right under a list item's first line joins the item, and headings
 * inside list items become headings.
 */
export function reshapeMarkdown(source: string): string {
  const footnotes = new Set<string>();
  if (source.includes('[^'))
    for (const m of source.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) footnotes.add(m[1]!);
  // Each rewrite runs only on lines with the mark it needs: most files have none of them.
  const rewrite = (run: string[]) => {
    let out = dropFootnotes(run.map(rewriteWikilinks), footnotes);
    if (hasMark(out, '[ ]', '[x]', '[X]')) out = dropTaskBoxes(out);
    if (hasMark(out, '[!')) out = labelAlerts(out);
    if (hasMark(out, '|')) out = quoteOneCellTables(out);
    return out.map(dropBadges);
  };
  const sourceLines = source.split('\n');
  let lines = hasMark(sourceLines, ...FENCE_MARKS) ? outsideCode(sourceLines, rewrite) : rewrite(sourceLines);
  if (hasMark(lines, '!!!', '???')) lines = quoteAdmonitions(lines);
  if (hasMark(lines, ...FENCE_MARKS)) lines = indentItemFences(lines);
  return liftHeadingItems(lines).join('\n');
}
