import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BotError } from '../errors';
import { parseYaml } from '../knowledge/parse-yaml';
import { GLOSSARY, type SynonymTable } from './glossary';

const Words = z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(1));
const OperatorSchema = z.object({
  /** Groups of words that mean the same thing (the first names the group). */
  groups: Words.default([]),
  /** Groups of distinct but related concepts: searched with a lower weight. */
  related: Words.default([]),
  /** Words and phrases taken out of the glossary (and of every group) for this knowledge. */
  remove: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});

/** An operator's synonym table: additions to the glossary and entries to remove from it. */
export type OperatorSynonyms = z.infer<typeof OperatorSchema>;

/**
 * Reads an operator's `synonyms.yml`: `groups: [[canonical, other, ...]]`, optionally `related:` (same
 * shape) and `remove: [word, ...]`. Throws a {@link BotError} (`knowledge.synonyms`) when malformed.
 */
export function loadOperatorSynonyms(file: string): OperatorSynonyms {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BotError('knowledge.synonyms', `The synonym table ${file} is not valid YAML.`, {
      cause: error,
    });
  }
  const parsed = OperatorSchema.safeParse(data ?? {});
  if (!parsed.success) {
    throw new BotError('knowledge.synonyms', `The synonym table ${file} is malformed.`, {
      detail: `${file}: expected "groups:" with lists of words (${parsed.error.issues[0]?.message})`,
    });
  }
  return parsed.data;
}

const norm = (word: string) => word.toLowerCase().trim();

/**
 * The glossary with an operator's table applied: removed words leave every group (a group left with
 * one entry is dropped), the operator's groups come last so that their mappings win.
 */
export function combineSynonyms(
  operator?: OperatorSynonyms,
  glossary: SynonymTable = GLOSSARY,
): SynonymTable {
  const removed = new Set((operator?.remove ?? []).map(norm));
  const prune = (groups: readonly (readonly string[])[]) =>
    groups.map((g) => g.filter((w) => !removed.has(norm(w)))).filter((g) => g.length > 1);
  return {
    same: [...prune(glossary.same), ...prune(operator?.groups ?? [])],
    related: [...prune(glossary.related), ...prune(operator?.related ?? [])],
  };
}
