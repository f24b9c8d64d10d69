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

/** Files per message: small enough that receiving one is a short task on the main thread. */
const BATCH = 100;

parentPort?.on('message', (job: ParseJob) => {
  for (let k = 0; k < job.files.length; k += BATCH) {
    const batch: ParsedFile[] = job.files.slice(k, k + BATCH).map((file) => {
      let read: { text: string } | { reason: string };
      try {
        read = readKnowledgeFileSync(join(job.dir, file));
      } catch (error) {
        read = { reason: describeError(error) };
      }
      return parseRead(file, read, job.baseUrl);
    });
    parentPort?.postMessage(batch);
  }
  parentPort?.postMessage(null);
});
