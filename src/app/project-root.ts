import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The directory holding this project's package.json (works from src/ under jest and from dist/). */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
