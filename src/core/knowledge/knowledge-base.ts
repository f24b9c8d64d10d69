import { existsSync, type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BotError, describeError } from '../errors';
import { SLICE_MS, sliceSpent, turn } from '../event-loop';
import type { Logger } from '../logger';
import { type Analyzer, createAnalyzer, type SynonymGroups } from '../search/analyzer';
import { warmEnglishWords } from '../search/english-words';
import type { SynonymTable } from '../search/glossary';
import { SearchIndex } from '../search/search-index';
import { combineSynonyms, loadOperatorSynonyms } from '../search/synonyms';
import {
  isKnowledgeFile,
  type Listing,
  listKnowledgeFiles,
  listKnowledgeFilesSync,
  readKnowledgeFileSync,
} from './knowledge-files';
import { type ParsedFile, parseRead } from './parse-file';
import { parsedBatches } from './parsed-batches';
import type { KnowledgeFileError, KnowledgeUnit } from './types';
import type { UnitTerms } from './unit-terms';

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
  /** Directory of Markdown files (`.md`, `.mdx`, searched recursively; `_name` files are partials). */
  dir: string;
  /** Base URL of the knowledge (e.g. `KNOWLEDGE_BASE_URL`): relative links become absolute against it. */
  baseUrl?: string;
  /**
   * The built parse worker (`dist/knowledge-worker.js`): asynchronous loads read and parse files on
   * its thread. Without it they are parsed on the main thread in slices of about 10 ms.
   */
  parseWorker?: string;
  logger: Logger;
}

const SYNONYMS_FILE = 'synonyms.yml';

/** Reads the `groups` of a synonym table (kept for tools that read one table alone). */
export function loadSynonyms(file: string): SynonymGroups {
  return loadOperatorSynonyms(file).groups;
}

interface FileRecord {
  file: string;
  units: KnowledgeUnit[];
  hash: string;
}

/**
 * Runs `work` on slices of 50 `items`, yielding to the event loop after about {@link SLICE_MS} of
 * work.
 */
async function sliced<T>(items: readonly T[], work: (part: readonly T[]) => void): Promise<void> {
  for (let k = 0; k < items.length; k += 50) {
    work(items.slice(k, k + 50));
    if (sliceSpent()) await turn();
  }
}

/** Adds the search terms the parse worker analysed for a file's units (if it did) to `into`. */
function collectTerms(parsed: ParsedFile, into: Map<KnowledgeUnit, UnitTerms>): void {
  if (!('terms' in parsed) || !parsed.terms) return;
  for (let k = 0; k < parsed.units.length; k++) into.set(parsed.units[k]!, parsed.terms[k]!);
}

/**
 * Loads every Markdown file of a directory into a searchable snapshot and keeps it current: a changed
 * file replaces only its own units in the index. A file that fails to parse keeps its previous
 * version (or is left out on first load) and is reported by name; binary and non-UTF-8 files are
 * skipped with a warning.
 */
export class KnowledgeBase {
  private snapshot: KnowledgeSnapshot | undefined;
  private readonly records = new Map<string, FileRecord>();
  /** The units of each file that are in the index (none for a file identical to an earlier one). */
  private readonly indexed = new Map<string, KnowledgeUnit[]>();
  private readonly errors = new Map<string, string>();
  private files: string[] = [];
  private analyzer: Analyzer | undefined;
  /** The synonym table the analyzer was built from (the parse workers build the same analyzer). */
  private synonyms: SynonymTable | undefined;
  private watcher: FSWatcher | undefined;
  private readonly listeners: ((snapshot: KnowledgeSnapshot) => void)[] = [];
  private readonly pending = new Set<string>();
  private fullPending = false;
  private debounce: NodeJS.Timeout | undefined;
  private maxWait: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: KnowledgeOptions) {}

  /** Loads a directory synchronously and returns the ready knowledge base. Throws when the directory is missing. */
  static load(options: KnowledgeOptions): KnowledgeBase {
    const base = new KnowledgeBase(options);
    base.reload();
    return base;
  }

  /**
   * Loads a directory with asynchronous I/O, parsing and indexing in short slices so that the event
   * loop is never blocked for long. Throws when the directory is missing.
   */
  static async open(options: KnowledgeOptions): Promise<KnowledgeBase> {
    const base = new KnowledgeBase(options);
    await base.reloadAsync();
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

  private checkDir(): void {
    if (!existsSync(this.options.dir)) {
      throw new BotError(
        'knowledge.missing-dir',
        `The knowledge directory ${this.options.dir} does not exist.`,
      );
    }
  }

  /** Re-reads every file synchronously and swaps in a new index. Returns the new snapshot. */
  reload(): KnowledgeSnapshot {
    this.checkDir();
    const listing = listKnowledgeFilesSync(this.options.dir);
    this.startFull(listing);
    for (const file of listing.files) this.accept(file, readKnowledgeFileSync(join(this.options.dir, file)));
    const select = this.startSelection();
    for (const file of this.files) select(file);
    return this.publish(new SearchIndex(this.indexedUnits(), this.analyzer!));
  }

  /** Re-reads every file asynchronously (see {@link KnowledgeBase.open}). */
  async reloadAsync(): Promise<KnowledgeSnapshot> {
    this.checkDir();
    const listing = await listKnowledgeFiles(this.options.dir);
    this.startFull(listing);
    // Files arrive parsed, in order, a batch at a time (from the parse worker when there is one) and
    // are indexed as they come, in short slices: a new index, the current one answers meanwhile.
    const index = new SearchIndex([], this.analyzer!);
    const select = this.startSelection();
    const { dir, baseUrl, parseWorker, logger } = this.options;
    for await (const batch of parsedBatches(
      { dir, baseUrl, workerFile: parseWorker, synonyms: this.synonyms, logger },
      listing.files,
    )) {
      const units: KnowledgeUnit[] = [];
      const terms = new Map<KnowledgeUnit, UnitTerms>();
      for (const parsed of batch) {
        this.record(parsed);
        units.push(...select(parsed.file));
        collectTerms(parsed, terms);
      }
      await sliced(units, (part) => index.add(part, (unit) => terms.get(unit)));
    }
    await index.settleInSlices();
    return this.publish(index, await this.indexedUnitsInSlices());
  }

  /**
   * Re-reads only the given files (relative paths): their old units leave the index and their new
   * ones join it; a file that no longer exists is removed. The files are read and parsed as on a
   * full load (in the parse worker when there is one), so the event loop only indexes. Returns the
   * new snapshot.
   */
  async refresh(changed: Iterable<string>): Promise<KnowledgeSnapshot> {
    const index = this.snapshot?.index;
    if (!index) return this.reloadAsync();
    const present: string[] = [];
    for (const file of new Set(changed)) {
      if (!isKnowledgeFile(file)) continue;
      const exists = await stat(join(this.options.dir, file)).then(
        (s) => s.isFile(),
        () => false,
      );
      if (exists) {
        present.push(file);
        continue;
      }
      await this.unindex(index, file);
      this.records.delete(file);
      this.errors.delete(file);
      this.files = this.files.filter((f) => f !== file);
    }
    const { dir, baseUrl, parseWorker, logger } = this.options;
    for await (const batch of parsedBatches(
      { dir, baseUrl, workerFile: parseWorker, synonyms: this.synonyms, logger },
      present,
    )) {
      for (const parsed of batch) {
        const { file } = parsed;
        await this.unindex(index, file);
        if (!this.files.includes(file)) this.files = [...this.files, file].sort();
        this.record(parsed);
        const record = this.records.get(file);
        if (!record || this.hasIndexedTwin(file, record.hash)) continue;
        const terms = new Map<KnowledgeUnit, UnitTerms>();
        collectTerms(parsed, terms);
        const units = record.units.filter((u) => !index.get(u.id));
        await sliced(units, (part) => index.add(part, (unit) => terms.get(unit)));
        this.indexed.set(file, units);
      }
    }
    await index.settleInSlices();
    return this.publish(index, await this.indexedUnitsInSlices());
  }

  /** Takes a file's units out of the index. */
  private async unindex(index: SearchIndex, file: string): Promise<void> {
    await sliced(this.indexed.get(file) ?? [], (part) => index.remove(part));
    this.indexed.delete(file);
  }

  /** Whether another file with the same text is in the index (the text is indexed once). */
  private hasIndexedTwin(file: string, hash: string): boolean {
    for (const record of this.records.values())
      if (record.hash === hash && record.file !== file && this.indexed.has(record.file)) return true;
    return false;
  }

  private startFull(listing: Listing): void {
    for (const loop of listing.loops) {
      this.options.logger.warn({ path: loop }, `knowledge folder ${loop} is a symbolic link loop; skipped`);
    }
    const listed = new Set(listing.files);
    for (const file of this.records.keys()) if (!listed.has(file)) this.records.delete(file);
    this.errors.clear();
    this.files = listing.files;
    this.analyzer = this.buildAnalyzer();
    warmEnglishWords();
  }

  /** Parses one file's text into its record, or records why it could not be. */
  private accept(file: string, read: { text: string } | { reason: string }): void {
    this.record(parseRead(file, read, this.options.baseUrl));
  }

  /** Keeps a parsed file's units, or records (and logs) why it was skipped or could not be parsed. */
  private record(parsed: ParsedFile): void {
    const { logger } = this.options;
    const { file } = parsed;
    if ('skipped' in parsed) {
      this.errors.set(file, `${file} skipped: ${parsed.skipped}`);
      this.records.delete(file);
      logger.warn({ file }, `knowledge file ${file} skipped: ${parsed.skipped}`);
    } else if ('error' in parsed) {
      this.errors.set(file, parsed.error);
      logger.error(
        { file, error: parsed.error },
        this.records.has(file)
          ? `knowledge file ${file} could not be parsed; keeping its previous version`
          : `knowledge file ${file} could not be parsed; it is left out`,
      );
    } else {
      for (const warning of parsed.warnings ?? [])
        logger.warn({ file, warning }, `knowledge file ${warning}`);
      this.records.set(file, { file, units: parsed.units, hash: parsed.hash });
      this.errors.delete(file);
    }
  }

  /**
   * Starts choosing the units to index, file by file in order: every file's, except files identical
   * to an earlier one and ids already taken. Returns the chooser: a file's units to index.
   */
  private startSelection(): (file: string) => KnowledgeUnit[] {
    this.indexed.clear();
    const hashes = new Set<string>();
    const ids = new Set<string>();
    return (file) => {
      const record = this.records.get(file);
      if (!record || hashes.has(record.hash)) return [];
      hashes.add(record.hash);
      const units = record.units.filter((u) => !ids.has(u.id) && ids.add(u.id));
      this.indexed.set(file, units);
      return units;
    };
  }

  private indexedUnits(): KnowledgeUnit[] {
    const units: KnowledgeUnit[] = [];
    for (const file of this.files) for (const unit of this.indexed.get(file) ?? []) units.push(unit);
    return units;
  }

  /** {@link KnowledgeBase.indexedUnits} in slices of about {@link SLICE_MS}, between turns of the event loop. */
  private async indexedUnitsInSlices(): Promise<KnowledgeUnit[]> {
    const units: KnowledgeUnit[] = [];
    let listed = 0;
    for (const file of this.files) {
      for (const unit of this.indexed.get(file) ?? []) units.push(unit);
      // The clock is read every 100 files: reading it for every file cost more than the listing.
      if (++listed % 100 === 0 && sliceSpent()) await turn();
    }
    return units;
  }

  private publish(index: SearchIndex, units = this.indexedUnits()): KnowledgeSnapshot {
    const errors = [...this.errors].map(([file, message]) => ({ file, message }));
    this.snapshot = { units, index, files: this.files, errors, loadedAt: new Date() };
    this.options.logger.info(
      { dir: this.options.dir, files: this.files.length, units: units.length },
      'knowledge indexed',
    );
    for (const listener of this.listeners) listener(this.snapshot);
    return this.snapshot;
  }

  private buildAnalyzer(): Analyzer {
    const own = join(this.options.dir, SYNONYMS_FILE);
    let operator: ReturnType<typeof loadOperatorSynonyms> | undefined;
    if (existsSync(own)) {
      try {
        operator = loadOperatorSynonyms(own);
      } catch (error) {
        this.options.logger.error({ file: own, error: describeError(error) }, `synonym table ${own} ignored`);
      }
    }
    const table = combineSynonyms(operator);
    this.synonyms = table;
    return createAnalyzer(table.same, table.related);
  }

  /**
   * Watches the directory: changed files are reloaded `debounceMs` after the last change, and at
   * least every `maxWaitMs` while changes keep coming (1 s: with the reload's own time, a file that
   * keeps changing is reloaded within 2 s, on a busy machine too: 1.5 s gave 1.98 s at load 6 on 2
   * cores). A changed `synonyms.yml` rebuilds everything.
   */
  watch(debounceMs = 150, maxWaitMs = 1000): void {
    if (this.watcher) return;
    this.watcher = watch(this.options.dir, { recursive: true }, (_event, name) => {
      const file = name?.toString().split('\\').join('/');
      if (!file || file === SYNONYMS_FILE) this.fullPending = true;
      else if (isKnowledgeFile(file)) this.pending.add(file);
      else if (!/\.\w+$/.test(file)) this.fullPending = true;
      else return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.flush(), debounceMs);
      this.maxWait ??= setTimeout(() => this.flush(), maxWaitMs);
    });
    this.watcher.on('error', (error) =>
      this.options.logger.error({ error: describeError(error) }, 'knowledge watcher failed'),
    );
  }

  private flush(): void {
    clearTimeout(this.debounce);
    clearTimeout(this.maxWait);
    this.debounce = undefined;
    this.maxWait = undefined;
    if (this.running) {
      void this.running.then(() => this.flush());
      return;
    }
    const full = this.fullPending;
    const files = [...this.pending];
    this.fullPending = false;
    this.pending.clear();
    if (!full && files.length === 0) return;
    this.running = (full ? this.reloadAsync() : this.refresh(files))
      .then(() => undefined)
      .catch((error) => {
        this.options.logger.error(
          { error: describeError(error) },
          'knowledge reload failed; keeping the previous index',
        );
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.debounce);
    clearTimeout(this.maxWait);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
