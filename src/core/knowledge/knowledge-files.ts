import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Extensions read as Markdown knowledge. */
const MARKDOWN = /\.(md|mdx|markdown)$/i;

/** A section's own page in Hugo-style sites (`_index.md`): a document, though its name starts with `_`. */
const SECTION_PAGE = /^_index\.(md|mdx|markdown)$/i;

/**
 * A template to copy, by its name: one whose last word is "template" (`template.md`,
 * `pull-request-template.md`), or anything in a `templates` folder. A name where "template" only
 * qualifies another word is a page about templates (`template-syntax.md`, `template-refs.md`,
 * `using-template-engines.md`), and so is one in the plural (`Templates.md`, a page on templates).
 */
const TEMPLATE_NAME = /^(?:.+[-_ ])?template\.(md|mdx|markdown)$/i;
const TEMPLATE_FOLDER = /^templates?$/i;

/**
 * A Markdown file is knowledge unless a part of its path starts with `_` (a partial or template) or `.`,
 * or it is a template to copy (its sections are placeholders, not answers); a folder's `_index.md` is
 * its section page, not a partial.
 */
export function isKnowledgeFile(relativePath: string): boolean {
  if (!MARKDOWN.test(relativePath)) return false;
  const parts = relativePath.split('/');
  const name = parts.pop() ?? '';
  if (parts.some((part) => /^[_.]/.test(part) || TEMPLATE_FOLDER.test(part))) return false;
  if (TEMPLATE_NAME.test(name)) return false;
  return SECTION_PAGE.test(name) || !/^[_.]/.test(name);
}

/** What walking a directory found: knowledge files (relative, `/`-separated) and symlink loops skipped. */
export interface Listing {
  files: string[];
  loops: string[];
}

interface Entry {
  name: string;
  dir: boolean;
  file: boolean;
  link: boolean;
}

const toEntry = (e: {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}): Entry => ({
  name: e.name,
  dir: e.isDirectory(),
  file: e.isFile(),
  link: e.isSymbolicLink(),
});

/**
 * Lists the knowledge files under `dir`, following symbolic links once: a link back to a folder
 * already being walked is a loop and is reported, a file reached twice is listed once.
 */
export async function listKnowledgeFiles(dir: string): Promise<Listing> {
  const out: Listing = { files: [], loops: [] };
  const seenFiles = new Set<string>();
  const walk = async (abs: string, rel: string, ancestors: Set<string>): Promise<void> => {
    const entries = (await readdir(abs, { withFileTypes: true })).map(toEntry);
    for (const entry of entries) {
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.dir;
      let isFile = entry.file;
      if (entry.link) {
        const target = await stat(childAbs).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir && !entry.name.startsWith('.')) {
        const real = await realpath(childAbs).catch(() => childAbs);
        if (ancestors.has(real)) out.loops.push(childRel);
        else await walk(childAbs, childRel, new Set([...ancestors, real]));
      } else if (isFile && isKnowledgeFile(childRel)) {
        const real = entry.link ? await realpath(childAbs).catch(() => childAbs) : childAbs;
        if (!seenFiles.has(real)) {
          seenFiles.add(real);
          out.files.push(childRel);
        }
      }
    }
  };
  await walk(dir, '', new Set([await realpath(dir)]));
  out.files.sort();
  return out;
}

/** {@link listKnowledgeFiles}, synchronously (for one-off tools and the first load of small sets). */
export function listKnowledgeFilesSync(dir: string): Listing {
  const out: Listing = { files: [], loops: [] };
  const seenFiles = new Set<string>();
  const walk = (abs: string, rel: string, ancestors: Set<string>): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).map(toEntry)) {
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.dir;
      let isFile = entry.file;
      if (entry.link) {
        try {
          const target = statSync(childAbs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue;
        }
      }
      if (isDir && !entry.name.startsWith('.')) {
        const real = realpathSync(childAbs);
        if (ancestors.has(real)) out.loops.push(childRel);
        else walk(childAbs, childRel, new Set([...ancestors, real]));
      } else if (isFile && isKnowledgeFile(childRel)) {
        const real = entry.link ? realpathSync(childAbs) : childAbs;
        if (!seenFiles.has(real)) {
          seenFiles.add(real);
          out.files.push(childRel);
        }
      }
    }
  };
  walk(dir, '', new Set([realpathSync(dir)]));
  out.files.sort();
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why it is not text: binary (a NUL byte) or not UTF-8. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.subarray(0, 8192).includes(0)) return { reason: 'it is a binary file' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'it is not UTF-8 text' };
  }
}

/** Reads a knowledge file as text (see {@link decodeText}). */
export async function readKnowledgeFile(path: string) {
  return decodeText(await readFile(path));
}

/** {@link readKnowledgeFile}, synchronously. */
export function readKnowledgeFileSync(path: string) {
  return decodeText(readFileSync(path));
}
