/**
 * Line shapes of GitHub-flavoured Markdown that CommonMark reads differently from what their authors
 * mean, rewritten before parsing (code blocks left alone).
 */

/** A fence opening or closing a code block, at any indentation (fences inside list items are indented). */
const FENCE = /^\s*(```|~~~)/;

/** The start of a list item (after any block-quote markers) followed by a task box: `- [ ] `, `1. [x] `. */
const TASK_BOX = /^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[ xX]\](?=[ \t]|$)[ \t]*/;

/** Calls `rewrite` on each run of lines outside fenced code and keeps the code lines as they are. */
export function outsideCode(lines: string[], rewrite: (run: string[]) => string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker === fence) fence = undefined;
      continue;
    }
    if (marker) {
      out.push(...rewrite(run), line);
      run = [];
      fence = marker;
      continue;
    }
    run.push(line);
  }
  out.push(...rewrite(run));
  return out;
}

/** Removes GitHub task-list boxes (`- [ ] item`, `- [x] item` -> `- item`): progress marks, not content. */
export function dropTaskBoxes(lines: string[]): string[] {
  return lines.map((line) => line.replace(TASK_BOX, '$1'));
}

/**
 * Rewrites the GitHub Markdown shapes of a file's text (after `preprocessMarkdown`) into the
 * CommonMark their authors mean: task-list boxes are dropped.
 */
export function reshapeMarkdown(source: string): string {
  return outsideCode(source.split('\n'), (run) => dropTaskBoxes(run)).join('\n');
}
