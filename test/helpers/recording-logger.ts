import type { Logger } from '../../src/core/logger';

/** One line a {@link recordingLogger} kept. */
export interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg?: string;
}

/** A logger that keeps its lines, for asserting what was logged (and that no secret was). */
export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
  /** Itself, for `const { logger, lines } = recordingLogger()`. */
  readonly logger: Logger;
  /** Every line as JSON text, to search for a string anywhere in them. */
  text(): string;
}

/** A logger that keeps every line (see {@link RecordingLogger}). */
export function recordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj: obj as Record<string, unknown>, msg });
    };
  const recorder = {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => JSON.stringify(lines),
  };
  return Object.assign(recorder, { logger: recorder as Logger });
}
