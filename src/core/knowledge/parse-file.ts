import { createHash } from 'node:crypto';
import { describeError } from '../errors';
import { parseKnowledgeFile } from './markdown-loader';
import type { KnowledgeUnit } from './types';
import type { UnitTerms } from './unit-terms';

/**
 * One knowledge file, read and parsed (on the main thread or in the parse worker): its units and the
 * hash of its text (identical files are indexed once), why it was skipped (binary, not UTF-8,
 * unreadable), or the parse error; `warnings` say what was wrong but did not stop it (broken front matter). From the parse worker, units come with their search terms
 * (`terms[k]` for `units[k]`), analysed there.
 */
export type ParsedFile =
  | { file: string; units: KnowledgeUnit[]; hash: string; terms?: UnitTerms[]; warnings?: string[] }
  | { file: string; skipped: string }
  | { file: string; error: string };

/** Parses the text of a file (or passes on why it could not be read). Never throws. */
export function parseRead(
  file: string,
  read: { text: string } | { reason: string },
  baseUrl: string | undefined,
): ParsedFile {
  if ('reason' in read) return { file, skipped: read.reason };
  try {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const units = dedupeUnits(parseKnowledgeFile(file, read.text, { baseUrl, warn }));
    const hash = createHash('sha1').update(read.text.replace(/\s+/g, ' ').trim()).digest('base64');
    return warnings.length > 0 ? { file, units, hash, warnings } : { file, units, hash };
  } catch (error) {
    return { file, error: describeError(error) };
  }
}

/** The units of a file without repeats: a second unit with the same title and content is dropped. */
export function dedupeUnits(units: KnowledgeUnit[]): KnowledgeUnit[] {
  const seen = new Set<string>();
  const dropped = new Set<string>();
  const kept = units.filter((u) => {
    if (u.kind === 'document' || u.markdown === '') return true;
    const key = `${u.title.toLowerCase()}\u0000${u.markdown}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    dropped.add(u.id);
    return false;
  });
  if (dropped.size === 0) return units;
  for (const u of kept)
    if (u.childIds.some((id) => dropped.has(id))) u.childIds = u.childIds.filter((id) => !dropped.has(id));
  return kept.filter((u) => !u.parentId || !dropped.has(u.parentId));
}
