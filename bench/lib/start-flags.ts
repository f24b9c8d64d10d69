import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node.js flags `npm start` runs the bot with (read from package.json), so a benchmark that
 * spawns the bot, or a baseline beside it, measures the process operators run.
 */
export const START_FLAGS: readonly string[] = (
  JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));
