import { PassThrough, Readable } from 'node:stream';

/** A writable stream that keeps what was written. */
export function capture(): PassThrough & { text: () => string } {
  const stream = new PassThrough();
  let data = '';
  stream.on('data', (chunk: Buffer) => {
    data += chunk.toString('utf8');
  });
  return Object.assign(stream, { text: () => data });
}

/** A readable stream of the given lines. */
export function linesIn(lines: string[]): Readable {
  return Readable.from(lines.length ? [`${lines.join('\n')}\n`] : []);
}
