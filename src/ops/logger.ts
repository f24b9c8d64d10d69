import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../core/logger';

/** How to build the process logger. */
export interface LoggerOptions {
  level: string;
  /** Secret values (tokens, signing secrets, URLs with passwords) that must never appear in a log line. */
  secrets: (string | undefined)[];
  /** Where lines go; standard error by default (standard output belongs to the CLI and the terminal chat). */
  stream?: NodeJS.WritableStream;
  /** Human-readable lines instead of JSON; default: when the stream is a TTY. */
  pretty?: boolean;
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'password',
  '*.password',
];

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

function prettyLine(line: string): string {
  try {
    const {
      level,
      time,
      msg,
      pid: _pid,
      hostname: _host,
      ...rest
    } = JSON.parse(line) as Record<string, unknown>;
    const clock = new Date(Number(time)).toISOString().slice(11, 19);
    const fields = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${clock} ${LEVELS[Number(level)] ?? level} ${msg ?? ''}${fields ? ` ${fields}` : ''}\n`;
  } catch {
    return line;
  }
}

/**
 * A pino logger: JSON lines (readable lines on a TTY), known secret fields redacted by path, and
 * every configured secret value scrubbed from the text of each line as a last line of defence.
 */
export function createLogger(options: LoggerOptions): Logger & pino.Logger {
  const target = options.stream ?? process.stderr;
  const pretty = options.pretty ?? Boolean((target as NodeJS.WriteStream).isTTY);
  const secrets = options.secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const redactPassword = (text: string) => text.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]+@/g, '$1[redacted]@');
  const scrub = (text: string) =>
    redactPassword(secrets.reduce((t, s) => t.split(s).join('[redacted]'), text));
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = scrub(chunk.toString('utf8'));
      target.write(pretty ? lines.split('\n').filter(Boolean).map(prettyLine).join('') : lines);
      done();
    },
  });
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination,
  );
}
