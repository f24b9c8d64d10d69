import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A question set and the knowledge it is asked of. */
export interface EvalSet {
  name: string;
  questions: string;
  knowledge: string;
}

const DEFAULT_KNOWLEDGE = 'knowledge';

/** The sidecar `<name>.json` of a set: `{"knowledge": "dir", "questions"?: "file.jsonl"}`. */
function sidecar(file: string): { knowledge?: string; questions?: string } {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { knowledge?: string }) : {};
}

/**
 * The sets to score: the files given, else every `eval/sets/*.jsonl` (knowledge named by a sidecar
 * `.json`, else `knowledge/`), every sidecar that names its own questions file, and
 * `eval/real-questions.jsonl` when present.
 */
export function discoverSets(files: string[], root = 'eval'): EvalSet[] {
  const setsDir = join(root, 'sets');
  const fromFile = (file: string): EvalSet => {
    const meta = sidecar(file.replace(/\.jsonl$/, '.json'));
    return { name: basename(file, '.jsonl'), questions: file, knowledge: meta.knowledge ?? DEFAULT_KNOWLEDGE };
  };
  if (files.length > 0) return files.map(fromFile);
  const names = existsSync(setsDir) ? readdirSync(setsDir).sort() : [];
  const sets = names.filter((n) => n.endsWith('.jsonl')).map((n) => fromFile(join(setsDir, n)));
  for (const n of names.filter((x) => x.endsWith('.json'))) {
    const meta = sidecar(join(setsDir, n));
    if (meta.questions && !names.includes(n.replace(/\.json$/, '.jsonl'))) {
      sets.push({ name: basename(n, '.json'), questions: meta.questions, knowledge: meta.knowledge ?? DEFAULT_KNOWLEDGE });
    }
  }
  const real = join(root, 'real-questions.jsonl');
  if (existsSync(real)) sets.push(fromFile(real));
  return sets;
}
