import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One numbered sentence of the long section: `(i)` tells which piece of the answer it is in. */
export const pagingSentence = (i: number) =>
  `Observability pipelines collect logs, metrics and traces from every service and ship them (${i}). `;

/**
 * A knowledge directory for paging tests (written by us): one section of `sentences` numbered
 * sentences with a "Read more" link, and 30 small documents (`Topic N` with a section `Part N`), so
 * that answers need "more" and topics need several pages. Returns the directory.
 */
export function writePagingKnowledge(sentences: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bm-paging-'));
  const body = Array.from({ length: sentences }, (_, i) => pagingSentence(i)).join('\n\n');
  writeFileSync(
    join(dir, 'observability.md'),
    `# Observability Handbook\n\n## Observability Pipelines\n\n${body}\n\n- [Pipelines explained](https://example.org/pipelines)\n`,
  );
  for (let f = 0; f < 30; f++)
    writeFileSync(
      join(dir, `topic-${f}.md`),
      `# Topic ${f}\n\nAbout topic ${f}.\n\n## Part ${f}\n\nMore on it.\n`,
    );
  return dir;
}

/** The sentence numbers a text shows, in order. */
export const sentenceNumbers = (text: string) => [...text.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
