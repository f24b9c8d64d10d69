/**
 * The parse worker (built to `dist/knowledge-worker.js`): reads knowledge files, parses them and
 * analyses their units' search terms on its own thread, and posts them
 * back in order, a batch at a time, then `null`. The main thread only indexes.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { describeError } from '../errors';
import { createAnalyzer } from '../search/analyzer';
import type { SynonymTable } from '../search/glossary';
import { readKnowledgeFileSync } from './knowledge-files';
import { type ParsedFile, parseRead } from './parse-file';
import { type EncodedTerms, TermEncoder } from './unit-terms';

/** What the main thread asks for: one job per message, done in order (`null`: no more jobs). */
export interface ParseJob {
  dir: string;
  files: string[];
  baseUrl?: string;
  /** The synonym table of the index: with it, the worker analyses the units' terms too. */
  synonyms?: SynonymTable;
}

/** What the worker posts: parsed files in order (and their units' terms), or `null` when a job is done. */
export type ParseMessage = { files: ParsedFile[]; terms?: EncodedTerms } | null;

/** At most this many files or units per message: receiving one is a short task for the main thread. */
const MAX_FILES = 100;
const MAX_UNITS = 300;
/** A file's text, or why it has none. Read synchronously: this thread does nothing else meanwhile. */
function read(path: string): { text: string } | { reason: string } {
  try {
    return readKnowledgeFileSync(path);
  } catch (error) {
    return { reason: describeError(error) };
  }
}

let encoder: { key: string; encoder: TermEncoder } | undefined;

/**
 * The term encoder of a synonym table, kept for the worker's life (the main thread has one decoder
 * per worker, and a worker only ever gets one table).
 */
function encoderFor(table: SynonymTable): TermEncoder {
  const key = JSON.stringify(table);
  if (encoder?.key !== key)
    encoder = { key, encoder: new TermEncoder(createAnalyzer(table.same, table.related)) };
  return encoder.encoder;
}

function run(job: ParseJob): void {
  const terms = job.synonyms ? encoderFor(job.synonyms) : undefined;
  let batch: ParsedFile[] = [];
  let units = 0;
  const post = () => {
    parentPort?.postMessage({ files: batch, terms: terms?.take() } satisfies ParseMessage);
    batch = [];
    units = 0;
  };
  for (let k = 0; k < job.files.length; k++) {
    const parsed = parseRead(job.files[k]!, read(join(job.dir, job.files[k]!)), job.baseUrl);
    batch.push(parsed);
    if ('units' in parsed) {
      units += parsed.units.length;
      if (terms) for (const unit of parsed.units) terms.add(unit);
    }
    if (batch.length >= MAX_FILES || units >= MAX_UNITS) post();
  }
  if (batch.length > 0) post();
  parentPort?.postMessage(null satisfies ParseMessage);
}

// `null` ends the worker: it closes its port and exits by itself (terminating it from the main
// thread blocks that thread while the worker stops).
parentPort?.on('message', (job: ParseJob | null) => (job ? run(job) : parentPort?.close()));
