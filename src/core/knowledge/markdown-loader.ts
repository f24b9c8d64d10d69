import MarkdownIt from 'markdown-it';
import frontMatterPlugin from 'markdown-it-front-matter';
import { z } from 'zod';
import { isPictureOnlyHeading } from './heading-shapes';
import { isNavigationLine, isSeparatorLine } from './inline-shapes';
import {
  boldLead,
  classifyItem,
  cleanTitle,
  hasItemBody,
  inlineText,
  isDefinedItem,
  itemTitle,
  type Token,
  wordCount,
} from './item-text';
import {
  cleanDisplayMarkdown,
  htmlToText,
  linkResolver,
  preprocessMarkdown,
  stripResourceMarkers,
} from './markdown-clean';
import { reshapeMarkdown } from './markdown-shapes';
import { parseYaml } from './parse-yaml';
import { isPlainItem, isSentenceIntro, isStandaloneTip } from './plain-items';
import { resourceGroup } from './resource-groups';
import { dedent, humanize, slugify, unitKey } from './text-utils';
import type { KnowledgeResource, KnowledgeUnit } from './types';

const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((v) =>
    (Array.isArray(v) ? v : String(v).split(',')).map((x) => String(x).trim()).filter(Boolean),
  );

const FrontMatter = z
  .object({
    title: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1)).optional(),
    aliases: stringList.optional(),
    tags: stringList.optional(),
    keywords: stringList.optional(),
    description: z.string().trim().optional(),
    base_url: z.string().trim().url().optional(),
  })
  .passthrough();

/** How a file is read: a base URL for its relative links. */
export interface ParseOptions {
  /** Base URL of the knowledge directory: relative links become absolute against it. */
  baseUrl?: string;
  /** Told what was wrong with the file but did not stop it loading (broken front matter). */
  warn?: (message: string) => void;
}

interface Builder {
  unit: KnowledgeUnit;
  /** Heading level for sections (0 for the document); list depth is tracked separately. */
  level: number;
  blocks: string[];
  textParts: string[];
  /** Markdown of the blocks before the first list, fixed when the first list is seen. */
  intro?: string;
  resources: KnowledgeResource[];
}

const md = new MarkdownIt('commonmark').enable('table').use(frontMatterPlugin, () => {});

type FrontMatterData = z.infer<typeof FrontMatter>;

/**
 * The front matter of a file, as far as it is usable: YAML that does not parse is left out whole, and
 * a field of the wrong shape is left out alone; each problem is passed to `warn`, naming the file. An
 * empty field is no problem.
 */
function parseFrontMatter(file: string, yaml: string, warn: (message: string) => void): FrontMatterData {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const problem = (error as Error).message.split('\n')[0];
    warn(`${file}: front matter is not valid YAML (${problem}); the file is read without it`);
    return {};
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    warn(`${file}: front matter is not a set of fields; the file is read without it`);
    return {};
  }
  // A field left empty (`aliases:` with nothing after it, YAML null) is a field not given, not a wrong one.
  const fields: Record<string, unknown> = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== null && value !== undefined),
  );
  for (;;) {
    const parsed = FrontMatter.safeParse(fields);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    if (!(field in fields)) return {};
    warn(`${file}: front matter field "${issue?.path.join('.')}": ${issue?.message}; the field is ignored`);
    delete fields[field];
  }
}

/** Removes a list item's marker ("- ", "1. ") from the first line and dedents the rest. */
function itemMarkdown(lines: string[], token: Token): string {
  const [first = '', ...rest] = lines;
  const marker = `${token.info}${token.markup}`;
  const indent = first.length - first.trimStart().length;
  const afterMarker = first.trimStart().slice(marker.length);
  const contentIndent = indent + marker.length + (afterMarker.length - afterMarker.trimStart().length);
  const body = rest.map((line) =>
    line.slice(0, contentIndent).trim() === '' ? line.slice(contentIndent) : line,
  );
  return dedent([afterMarker.trimStart(), ...body].join('\n')).trim();
}

/** Index of the token that closes the block opened at `start` (or `start` for a self-closing block). */
function blockEnd(tokens: Token[], start: number): number {
  const open = tokens[start]!;
  if (open.nesting !== 1) return start;
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    depth += tokens[k]!.nesting;
    if (depth === 0) return k;
  }
  return tokens.length - 1;
}

/**
 * How many characters of lists each part of a file between headings holds, by the index of each list
 * that starts at the top level: how long a section's lists are, seen from any one of them.
 */
function sectionListLengths(tokens: Token[], lines: string[]): Map<number, number> {
  const partOf = new Map<number, number>();
  let part: number[] = [];
  let chars = 0;
  const close = () => {
    for (const k of part) partOf.set(k, chars);
    part = [];
    chars = 0;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    if (t.type === 'heading_open' && !isPictureOnlyHeading(tokens[k + 1])) close();
    else if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.map) {
      part.push(k);
      chars += lines.slice(t.map[0], t.map[1]).join('\n').length;
    }
    k = blockEnd(tokens, k);
  }
  close();
  return partOf;
}

/** Whether two titles have the same letters and digits ("Content-Type Parser", "ContentTypeParser"). */
const sameLetters = (a: string, b: string) => {
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return letters(a) !== '' && letters(a) === letters(b);
};

/**
 * Parses one Markdown knowledge file into units: the document, each heading's section, and each list
 * item with content of its own. A list item that is only a link (maybe with a few words) is a resource
 * of its section, a table of contents is dropped, HTML is reduced to text and links that only work on
 * the original site become plain text (absolute with a base URL). Broken front matter never loses the
 * document: it is read without it (or without the broken field), and `options.warn` is told why.
 *
 * @param file path relative to the knowledge directory, e.g. `backend-engineer.md`
 * @param source the file's text
 */
export function parseKnowledgeFile(file: string, raw: string, options: ParseOptions = {}): KnowledgeUnit[] {
  const source = reshapeMarkdown(preprocessMarkdown(raw));
  const tokens = md.parse(source, {});
  const lines = source.split('\n');
  const listLengths = sectionListLengths(tokens, lines);
  const frontToken = tokens.find((t) => t.type === 'front_matter');
  const warn = options.warn ?? (() => undefined);
  const front = frontToken ? parseFrontMatter(file, String(frontToken.meta as unknown), warn) : {};
  const resolve = linkResolver(file, front.base_url ?? options.baseUrl);
  const fileSlug = file
    .replace(/\.(md|mdx|markdown)$/i, '')
    .split(/[\\/]/)
    .map((part) => slugify(part))
    .join('/');

  const builders: Builder[] = [];
  const usedIds = new Set<string>();
  const create = (kind: KnowledgeUnit['kind'], title: string, parent: Builder | undefined, level: number) => {
    const base = parent ? `${parent.unit.id}/${slugify(title) || kind}` : fileSlug;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    const unit: KnowledgeUnit = {
      id,
      key: unitKey(id),
      kind,
      title,
      path: parent ? [...parent.unit.path, title] : [title],
      parentId: parent?.unit.id,
      childIds: [],
      file,
      text: '',
      markdown: '',
      aliases: [],
      tags: front.tags ?? [],
    };
    parent?.unit.childIds.push(id);
    const builder: Builder = { unit, level, blocks: [], textParts: [], resources: [] };
    builders.push(builder);
    return builder;
  };

  const doc = create('document', front.title ?? humanize(file), undefined, 0);
  doc.unit.aliases = [...(front.aliases ?? []), ...(front.keywords ?? [])];
  if (front.description) doc.textParts.push(front.description);
  const sections: Builder[] = [doc];
  let titledByHeading = front.title !== undefined;
  // A page with no H1 that opens with its one heading above all the others (an mdBook sub-chapter,
  // "## Unsafe Rust" over H3s) is titled by that heading, not by its file name.
  const levels = tokens
    .filter((t) => t.type === 'heading_open' && t.level === 0)
    .map((t) => Number(t.tag.slice(1)));
  const topLevel = Math.min(...levels);
  const soleTop = levels.filter((l) => l === topLevel).length === 1;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'front_matter' || token.level !== 0 || token.nesting === -1) continue;
    // A thematic break (`---`) separates parts of a page; in an answer it is a stray line.
    if (token.type === 'hr') continue;
    // Page navigation and drawn separators (a paragraph, or an indented block, with no words) say nothing.
    const inline = token.type === 'paragraph_open' ? tokens[i + 1] : undefined;
    const separator = isSeparatorLine(inline ?? (token.type === 'code_block' ? token : undefined));
    if (separator || isNavigationLine(inline)) {
      i = blockEnd(tokens, i);
      continue;
    }
    if (token.type === 'heading_open') {
      // A picture set as a heading (a logo) titles nothing: what follows stays in the current section.
      if (isPictureOnlyHeading(tokens[i + 1])) {
        i = blockEnd(tokens, i);
        continue;
      }
      const level = Number(token.tag.slice(1));
      // A picture beside the heading's words is decoration: its alt text titles only a heading without words.
      const heading = (images: boolean) =>
        cleanTitle(htmlToText(stripResourceMarkers(inlineText(tokens[i + 1], images))));
      const title = heading(false) || heading(true) || 'Untitled';
      i = blockEnd(tokens, i);
      // The page's title: an H1 opening it, or its first heading when that repeats the title the file
      // name or the front matter gives (a site whose pages open with "## Routes" in `Routes.md`, under
      // a banner): a section of the same name would only repeat the document.
      // So does a top heading that repeats it later (the title again below a notice opening the page).
      const repeatsTitle =
        (doc.unit.childIds.length === 0 || level === 1) && sameLetters(title, doc.unit.title);
      // Or an H1 before any section, or the page's one top heading before anything at all.
      const first = !titledByHeading && doc.unit.childIds.length === 0;
      const opens = level === 1 || (soleTop && level === topLevel && doc.blocks.length === 0);
      if ((first && opens) || repeatsTitle) {
        // The heading's wording ("Content-Type Parser") over the file name's; the front matter's stays.
        if (front.title === undefined) {
          doc.unit.title = title;
          doc.unit.path = [title];
        }
        titledByHeading = true;
        sections.splice(1);
        continue;
      }
      while (sections.length > 1 && sections[sections.length - 1]!.level >= level) sections.pop();
      sections.push(create('section', title, sections[sections.length - 1], level));
      continue;
    }
    const end = blockEnd(tokens, i);
    const owner = sections[sections.length - 1]!;
    if (token.type === 'html_block') {
      const text = htmlToText(token.content);
      if (text !== '') {
        owner.blocks.push(text);
        owner.textParts.push(text);
      }
      i = end;
      continue;
    }
    const isList = token.type === 'bullet_list_open' || token.type === 'ordered_list_open';
    const blockIndex = owner.blocks.length;
    if (token.map) {
      owner.blocks.push(
        cleanDisplayMarkdown(dedent(lines.slice(token.map[0], token.map[1]).join('\n')), resolve),
      );
      if (isList && owner.intro === undefined) owner.intro = owner.blocks.slice(0, -1).join('\n\n');
    }
    // `into`: where the text of a plain line (no unit of its own) goes; neither: a resource, skipped.
    const items: { builder: Builder | undefined; level: number; into?: Builder[] }[] = [];
    let contentItems = 0;
    for (let k = i; k <= end; k++) {
      const inner = tokens[k]!;
      if (inner.type === 'list_item_open') {
        while (items.length > 0 && items[items.length - 1]!.level >= inner.level) items.pop();
        let inline: Token | undefined;
        let inlineAt = -1;
        let nested = false;
        const close = blockEnd(tokens, k);
        for (let j = k + 1; j < close; j++) {
          const t = tokens[j]!;
          if (t.type === 'inline' && !inline) {
            inline = t;
            inlineAt = j;
          }
          if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') nested = true;
        }
        const parentEntry = items[items.length - 1];
        if (parentEntry && !parentEntry.builder) {
          items.push({ builder: undefined, level: inner.level, into: parentEntry.into });
          continue;
        }
        const parent = parentEntry?.builder ?? owner;
        // An entry of a table of contents is dropped with its sub-entries; a link with a list below it is content.
        const classified = classifyItem(inline, resolve);
        const group = nested ? resourceGroup(tokens, k, close, (t) => classifyItem(t, resolve)) : undefined;
        if (group) {
          parent.resources.push(...group.resources);
          // A labelled group ("LRU cache:" over its videos) is what its section shows: the list stays.
          if (group.label) {
            parent.textParts.push(group.label);
            contentItems++;
          }
          items.push({ builder: undefined, level: inner.level });
          continue;
        }
        const kind = nested && classified.kind === 'resource' ? { kind: 'content' as const } : classified;
        if (kind.kind !== 'content') {
          if (kind.resource) parent.resources.push(kind.resource);
          items.push({ builder: undefined, level: inner.level });
          continue;
        }
        contentItems++;
        const titled = (t: Token, at: number) =>
          isDefinedItem(t, hasItemBody(tokens, at)) && (boldLead(t) || !isSentenceIntro(inlineText(t)));
        const plain = isPlainItem(tokens, k, close, (t, at) => titled(t as Token, at));
        // A long plain line of a long section's list is a tip that answers on its own (not one nested in an item).
        const tip =
          plain &&
          items.length === 0 &&
          isStandaloneTip(inlineText(inline), token.type === 'bullet_list_open', listLengths.get(i) ?? 0);
        if (plain && !tip) {
          const into = items.flatMap((e) => (e.builder ? [e.builder] : []));
          items.push({ builder: undefined, level: inner.level, into: into.length > 0 ? into : [owner] });
          continue;
        }
        const item = create('item', itemTitle(inline), parent, parent.level);
        if (isDefinedItem(inline, hasItemBody(tokens, inlineAt))) item.unit.defined = true;
        // A section's search text names its items; their words belong to the items themselves. A tip's
        // title is only its first words, no name: the section that holds dozens of tips would be found
        // by the words of them all, ahead of the one tip that answers.
        if (parent === owner && !tip) owner.textParts.push(item.unit.title);
        if (inner.map) {
          item.blocks.push(
            cleanDisplayMarkdown(itemMarkdown(lines.slice(inner.map[0], inner.map[1]), inner), resolve),
          );
        }
        items.push({ builder: item, level: inner.level });
      } else if (inner.type === 'inline' || inner.type === 'fence' || inner.type === 'code_block') {
        const current = items[items.length - 1];
        if (current && !current.builder && !current.into) continue;
        const text = inner.type === 'inline' ? stripResourceMarkers(inlineText(inner)) : inner.content.trim();
        if (current?.into) for (const target of current.into) target.textParts.push(text);
        else if (items.length === 0) owner.textParts.push(text);
        else for (const { builder } of items) builder?.textParts.push(text);
      }
    }
    // A list of nothing but links is shown as "Read more", not as content.
    if (isList && contentItems === 0) owner.blocks.splice(blockIndex, 1);
    i = end;
  }

  return finish(builders);
}

/**
 * A section with no text of its own shows its children's content up to this length (its first child's
 * always: the explainer under a bare title), and the titles of the children past it.
 */
const SUMMARY_CONTENT_LIMIT = 1500;

/**
 * Fills in text and Markdown. A section with nothing but resources gives them to its parent and is no
 * unit; a section with no text of its own is summarised by its children.
 */
function finish(builders: Builder[]): KnowledgeUnit[] {
  const byId = new Map(builders.map((b) => [b.unit.id, b]));
  const dropped = new Set<string>();
  for (const b of [...builders].reverse()) {
    const { unit, blocks, textParts, intro, resources } = b;
    unit.markdown = blocks
      .filter((x) => x !== '')
      .join('\n\n')
      .trim();
    unit.text = textParts.join(' ').trim();
    if (intro) unit.intro = intro;
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    const empty = unit.markdown === '' && unit.childIds.every((id) => dropped.has(id));
    if (parent && empty) {
      parent.resources.unshift(...resources);
      dropped.add(unit.id);
      continue;
    }
    if (resources.length > 0) unit.resources = dedupeResources(resources);
    // A unit that is mostly a reading list is described by its resources' titles too (most units
    // have no resources: their text is not counted).
    const titles = unit.resources?.map((r) => r.title).join(' ') ?? '';
    if (titles !== '' && wordCount(titles) > wordCount(unit.text))
      unit.text = `${unit.text} ${titles}`.trim();
  }
  const kept = builders.filter((b) => !dropped.has(b.unit.id));
  for (const { unit } of kept) unit.childIds = unit.childIds.filter((id) => !dropped.has(id));
  // Children are finished before their parents are summarised: walk from the deepest units up.
  for (const { unit } of [...kept].reverse()) {
    if (unit.markdown !== '' || unit.childIds.length === 0) continue;
    const children = unit.childIds.map((id) => byId.get(id)!.unit);
    unit.markdown = summarise(children, (id) => byId.get(id)!.unit);
    // It is found by the children's titles and by the text it opens with, its first child's.
    const lead = children[0]?.kind === 'section' ? children[0].text : '';
    unit.text = [unit.text, children.map((child) => child.title).join('. '), lead].filter(Boolean).join(' ');
  }
  for (const { unit } of kept)
    if (unit.markdown === '' && unit.childIds.length === 0) unit.markdown = unit.text;
  return kept.map((b) => b.unit);
}

/**
 * The Markdown of a section made only of its children: their content in order while it stays within
 * {@link SUMMARY_CONTENT_LIMIT} (the first child's in any case), then the titles of the rest.
 */
function summarise(children: KnowledgeUnit[], unitOf: (id: string) => KnowledgeUnit): string {
  const parts: string[] = [];
  let length = 0;
  let k = 0;
  for (; k < children.length; k++) {
    const child = children[k]!;
    const part = `**${child.title}**\n\n${child.markdown}`;
    if (k > 0 && length + part.length > SUMMARY_CONTENT_LIMIT) break;
    parts.push(part);
    length += part.length + 2;
  }
  const rest = children.slice(k).map((child) => {
    const names = child.childIds.map((id) => unitOf(id).title);
    return names.length > 0 ? `- **${child.title}**: ${names.join(', ')}` : `- **${child.title}**`;
  });
  if (rest.length > 0) parts.push(rest.join('\n'));
  return parts.join('\n\n');
}

function dedupeResources(resources: KnowledgeResource[]): KnowledgeResource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = (r.url ?? r.title).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
