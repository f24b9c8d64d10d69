import { existsSync, type FSWatcher, readdirSync, readFileSync, watch } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BotError, describeError } from '../errors';
import type { Logger } from '../logger';
import { createAnalyzer, type SynonymGroups } from '../search/analyzer';
import { SearchIndex } from '../search/search-index';
import { parseKnowledgeFile } from './markdown-loader';
import type { KnowledgeFileError, KnowledgeUnit } from './types';

/** The knowledge as it is now: units, their index, and what could not be loaded. */
export interface KnowledgeSnapshot {
  readonly units: readonly KnowledgeUnit[];
  readonly index: SearchIndex;
  readonly files: readonly string[];
  readonly errors: readonly KnowledgeFileError[];
  readonly loadedAt: Date;
}

/** Where knowledge comes from. */
export interface KnowledgeOptions {
  /** Directory of `.md` files (searched recursively). */
  dir: string;
  /** Synonym table used when `dir` has no `synonyms.yml` of its own. */
  fallbackSynonymsFile?: string;
  logger: Logger;
}

const SYNONYMS_FILE = 'synonyms.yml';
const SynonymsSchema = z.object({
  groups: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(1)),
});

/** Reads a synonym table (YAML: `groups: [[canonical, other, ...], ...]`). */
export function loadSynonyms(file: string): SynonymGroups {
  const parsed = SynonymsSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new BotError('knowledge.synonyms', `The synonym table ${file} is malformed.`, {
      detail: `${file}: expected "groups:" with lists of words (${parsed.error.issues[0]?.message})`,
    });
  }
  return parsed.data.groups;
}

function listMarkdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Loads every Markdown file of a directory into a searchable snapshot, and rebuilds it when files
 * change. A file that fails to parse keeps its previous version (or is left out on first load) and is
 * reported by name.
 */
export class KnowledgeBase {
  private snapshot: KnowledgeSnapshot | undefined;
  private readonly goodUnits = new Map<string, KnowledgeUnit[]>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: ((snapshot: KnowledgeSnapshot) => void)[] = [];

  constructor(private readonly options: KnowledgeOptions) {}

  /** Loads a directory once and returns the ready knowledge base. Throws when the directory is missing. */
  static load(options: KnowledgeOptions): KnowledgeBase {
    const base = new KnowledgeBase(options);
    base.reload();
    return base;
  }

  /** The current snapshot. */
  get current(): KnowledgeSnapshot {
    if (!this.snapshot) throw new BotError('knowledge.not-loaded', 'The knowledge is still loading.');
    return this.snapshot;
  }

  /** Calls `listener` after every successful rebuild. */
  onReload(listener: (snapshot: KnowledgeSnapshot) => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads every file and swaps in a new index. Returns the new snapshot. */
  reload(): KnowledgeSnapshot {
    const { dir, logger } = this.options;
    if (!existsSync(dir)) {
      throw new BotError('knowledge.missing-dir', `The knowledge directory ${dir} does not exist.`);
    }
    const files = listMarkdownFiles(dir);
    const errors: KnowledgeFileError[] = [];
    const units: KnowledgeUnit[] = [];
    const ids = new Set<string>();
    for (const file of files) {
      let fileUnits: KnowledgeUnit[] | undefined;
      try {
        fileUnits = parseKnowledgeFile(file, readFileSync(join(dir, file), 'utf8'));
        this.goodUnits.set(file, fileUnits);
      } catch (error) {
        const message = describeError(error);
        errors.push({ file, message });
        fileUnits = this.goodUnits.get(file);
        logger.error(
          { file, error: message },
          fileUnits
            ? `knowledge file ${file} could not be parsed; keeping its previous version`
            : `knowledge file ${file} could not be parsed; it is left out`,
        );
      }
      for (const unit of fileUnits ?? []) {
        if (ids.has(unit.id)) continue;
        ids.add(unit.id);
        units.push(unit);
      }
    }
    for (const file of this.goodUnits.keys()) if (!files.includes(file)) this.goodUnits.delete(file);
    const analyzer = createAnalyzer(this.synonyms());
    this.snapshot = { units, index: new SearchIndex(units, analyzer), files, errors, loadedAt: new Date() };
    logger.info({ dir, files: files.length, units: units.length }, 'knowledge indexed');
    for (const listener of this.listeners) listener(this.snapshot);
    return this.snapshot;
  }

  private synonyms(): SynonymGroups {
    const own = join(this.options.dir, SYNONYMS_FILE);
    const file = existsSync(own) ? own : this.options.fallbackSynonymsFile;
    if (!file || !existsSync(file)) return [];
    try {
      return loadSynonyms(file);
    } catch (error) {
      this.options.logger.error({ file, error: describeError(error) }, `synonym table ${file} ignored`);
      return [];
    }
  }

  /** Watches the directory and rebuilds (debounced) when a file changes. */
  watch(debounceMs = 150): void {
    if (this.watcher) return;
    this.watcher = watch(this.options.dir, { recursive: true }, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        try {
          this.reload();
        } catch (error) {
          this.options.logger.error(
            { error: describeError(error) },
            'knowledge reload failed; keeping the previous index',
          );
        }
      }, debounceMs);
    });
    this.watcher.on('error', (error) =>
      this.options.logger.error({ error: describeError(error) }, 'knowledge watcher failed'),
    );
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
