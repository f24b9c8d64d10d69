import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import { readKnowledgeFile } from './knowledge-files';
import { type ParsedFile, parseRead } from './parse-file';
import type { ParseJob } from './parse-worker';

/** Longest stretch of parsing on the main thread between two turns of the event loop. */
const SLICE_MS = 10;
/** How many files are read at once when parsing on the main thread. */
const READ_BATCH = 64;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Where and how to parse. */
export interface ParseSource {
  dir: string;
  baseUrl?: string;
  /** The built parse worker (`dist/knowledge-worker.js`); without it, or when it fails, the main thread parses. */
  workerFile?: string;
  logger: Logger;
}

/**
 * The files of a directory read and parsed, in their order, a batch at a time: in the parse worker
 * when there is one (the main thread only receives them), else with asynchronous reads and parsing
 * in slices of about 10 ms. A worker that fails hands the files it has not done to the main thread.
 */
export async function* parsedBatches(
  source: ParseSource,
  files: readonly string[],
): AsyncGenerator<ParsedFile[]> {
  let done = 0;
  if (source.workerFile && existsSync(source.workerFile)) {
    try {
      for await (const batch of inWorker(source, files)) {
        done += batch.length;
        yield batch;
      }
      return;
    } catch (error) {
      source.logger.warn(
        { error: describeError(error) },
        'knowledge parse worker failed; parsing the rest on the main thread',
      );
    }
  }
  yield* onMainThread(source, files.slice(done));
}

async function* onMainThread(source: ParseSource, files: readonly string[]): AsyncGenerator<ParsedFile[]> {
  let began = performance.now();
  let out: ParsedFile[] = [];
  for (let k = 0; k < files.length; k += READ_BATCH) {
    const batch = files.slice(k, k + READ_BATCH);
    const texts = await Promise.all(
      batch.map((file) =>
        readKnowledgeFile(join(source.dir, file)).catch((e) => ({ reason: describeError(e) })),
      ),
    );
    for (let j = 0; j < batch.length; j++) {
      out.push(parseRead(batch[j]!, texts[j]!, source.baseUrl));
      if (performance.now() - began > SLICE_MS) {
        yield out;
        out = [];
        await turn();
        began = performance.now();
      }
    }
  }
  if (out.length > 0) yield out;
}

/** The batches the worker posts, in order; throws when the worker fails or exits early. */
async function* inWorker(source: ParseSource, files: readonly string[]): AsyncGenerator<ParsedFile[]> {
  const worker = new Worker(source.workerFile!);
  const queue: (ParsedFile[] | null)[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (batch: ParsedFile[] | null) => {
    queue.push(batch);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the parse worker exited with code ${code}`);
    notify();
  });
  const job: ParseJob = { dir: source.dir, files: [...files], baseUrl: source.baseUrl };
  worker.postMessage(job);
  try {
    for (;;) {
      const next = queue.shift();
      if (next === null) return;
      if (next) {
        yield next;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    worker.removeAllListeners();
    void worker.terminate();
  }
}
