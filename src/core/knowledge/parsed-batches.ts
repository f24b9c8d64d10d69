import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError } from '../errors';
import { sliceSpent, turn } from '../event-loop';
import type { Logger } from '../logger';
import type { SynonymTable } from '../search/glossary';
import { readKnowledgeFile } from './knowledge-files';
import { type ParsedFile, parseRead } from './parse-file';
import type { ParseJob, ParseMessage } from './parse-worker';
import { TermDecoder } from './unit-terms';

/** How many files are read at once when parsing on the main thread. */
const READ_BATCH = 64;
/** Files per job of a parse worker: the workers take jobs in turn (250 large files are 3 jobs). */
const JOB_FILES = 100;
/** Parse workers on a knowledge set of more than one job: two parse while the main thread indexes. */
const MAX_WORKERS = 2;

/** Where and how to parse. */
export interface ParseSource {
  dir: string;
  baseUrl?: string;
  /** The built parse worker (`dist/knowledge-worker.js`); without it, or when it fails, the main thread parses. */
  workerFile?: string;
  /** The synonym table of the index: with it, the workers analyse the units' search terms too. */
  synonyms?: SynonymTable;
  logger: Logger;
}

/**
 * The files of a directory read and parsed, in their order, a batch at a time: in parse workers
 * when there is one built (the main thread only receives them), else with asynchronous reads and parsing
 * in slices of about 10 ms. A worker that fails hands the files it has not done to the main thread.
 */
export async function* parsedBatches(
  source: ParseSource,
  files: readonly string[],
): AsyncGenerator<ParsedFile[]> {
  let done = 0;
  if (source.workerFile && existsSync(source.workerFile)) {
    try {
      for await (const batch of inWorkers(source, files)) {
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
      if (sliceSpent()) {
        yield out;
        out = [];
        await turn();
      }
    }
  }
  if (out.length > 0) yield out;
}

/** One parse worker: the messages it posts, in order; `next` throws once it has failed or exited. */
class ParseChannel {
  /** Decodes the terms this worker sends, in the order it sends them. */
  readonly decoder = new TermDecoder();
  private readonly worker: Worker;
  private readonly queue: ParseMessage[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(file: string) {
    this.worker = new Worker(file);
    const notify = () => {
      this.wake?.();
      this.wake = undefined;
    };
    this.worker.on('message', (message: ParseMessage) => {
      this.queue.push(message);
      notify();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      notify();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`the parse worker exited with code ${code}`);
      notify();
    });
  }

  post(job: ParseJob): void {
    this.worker.postMessage(job);
  }

  async next(): Promise<ParseMessage> {
    for (;;) {
      if (this.queue.length > 0) return this.queue.shift()!;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Lets a worker that did all its jobs exit by itself; stops one that did not. */
  close(finished: boolean): void {
    this.worker.removeAllListeners();
    this.worker.on('error', () => undefined);
    if (finished) {
      this.worker.unref();
      this.worker.postMessage(null);
    } else void this.worker.terminate();
  }
}

/**
 * The batches the workers post, in file order; throws when a worker fails or exits early. The files
 * are cut into jobs that the workers take in turn, so that both parse while batches come back in order.
 */
async function* inWorkers(source: ParseSource, files: readonly string[]): AsyncGenerator<ParsedFile[]> {
  const jobs: string[][] = [];
  for (let k = 0; k < files.length; k += JOB_FILES) jobs.push(files.slice(k, k + JOB_FILES));
  const channels = Array.from(
    { length: Math.max(1, Math.min(MAX_WORKERS, jobs.length)) },
    () => new ParseChannel(source.workerFile!),
  );
  const { dir, baseUrl, synonyms } = source;
  for (let j = 0; j < jobs.length; j++)
    channels[j % channels.length]!.post({ dir, files: jobs[j]!, baseUrl, synonyms });
  let finished = false;
  try {
    for (let j = 0; j < jobs.length; j++) {
      const channel = channels[j % channels.length]!;
      const { decoder } = channel;
      for (let message = await channel.next(); message; message = await channel.next()) {
        if (message.terms) {
          const parsed = message.files.filter((f) => 'units' in f);
          const terms = decoder.decode(
            message.terms,
            parsed.reduce((n, f) => n + f.units.length, 0),
          );
          let at = 0;
          for (const file of parsed) {
            file.terms = terms.slice(at, at + file.units.length);
            at += file.units.length;
          }
        }
        yield message.files;
      }
    }
    finished = true;
  } finally {
    for (const channel of channels) channel.close(finished);
  }
}
