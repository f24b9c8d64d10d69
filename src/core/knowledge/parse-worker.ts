/**
 * The parse worker (built to `dist/knowledge-worker.js`): reads and parses knowledge files on its own
 * thread and posts them back in order, a batch at a time, then `null`. The main thread only indexes.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { describeError } from '../errors';
import { readKnowledgeFileSync } from './knowledge-files';
import { type ParsedFile, parseRead } from './parse-file';

/** What the main thread asks for. */
export interface ParseJob {
  dir: string;
  files: string[];
  baseUrl?: string;
}

/** At most this many files or units per message: receiving one is a short task for the main thread. */
const MAX_FILES = 100;
const MAX_UNITS = 300;

parentPort?.on('message', (job: ParseJob) => {
  let batch: ParsedFile[] = [];
  let units = 0;
  for (const file of job.files) {
    let read: { text: string } | { reason: string };
    try {
      read = readKnowledgeFileSync(join(job.dir, file));
    } catch (error) {
      read = { reason: describeError(error) };
    }
    const parsed = parseRead(file, read, job.baseUrl);
    batch.push(parsed);
    units += 'units' in parsed ? parsed.units.length : 0;
    if (batch.length >= MAX_FILES || units >= MAX_UNITS) {
      parentPort?.postMessage(batch);
      batch = [];
      units = 0;
    }
  }
  if (batch.length > 0) parentPort?.postMessage(batch);
  parentPort?.postMessage(null);
});
