/** True when cutting `text` at `end` would leave a `<...>` link or an `&...;` entity open. */
function unsafeCut(text: string, end: number): boolean {
  if (text.lastIndexOf('<', end - 1) > text.lastIndexOf('>', end - 1)) return true;
  return /&[a-z]{0,5}$/.test(text.slice(Math.max(0, end - 6), end));
}

/** Boundaries from cleanest to roughest, and how many characters of the match stay before the cut. */
const BOUNDARIES: [RegExp, number][] = [
  [/\n\n/g, 0],
  [/\n/g, 0],
  [/[.!?;:](?=\s)/g, 1],
  [/\s/g, 0],
];

/** The best place to cut `text` at or before `max`: a paragraph, a line, a sentence, a word, a character. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max * 0.4);
  for (const [pattern, keep] of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + keep;
      if (end <= max && end >= floor && !unsafeCut(text, end)) best = end;
    }
    if (best > 0) return best;
  }
  let end = max;
  while (end > floor && unsafeCut(text, end)) end--;
  if (end <= floor) end = max;
  // Never cut a character written as two UTF-16 units (emoji) in half.
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Splits mrkdwn into pieces of at most `max` characters, at the cleanest boundary available
 * (paragraph, line, sentence end, word) and never inside a `<link|label>` or an `&amp;` entity.
 * A code fence that a cut leaves open is closed in one piece and reopened in the next.
 *
 * @example
 * splitText('a\n\nb', 2); // ['a', 'b']
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  let reopen = '';
  while (rest.length > 0) {
    rest = reopen + rest;
    const budget = max - 4; // room for a closing fence
    if (rest.length <= max) {
      pieces.push(rest);
      break;
    }
    const end = cutPoint(rest, budget);
    let piece = rest.slice(0, end).trimEnd();
    rest = rest.slice(end).trimStart();
    const fences = piece.match(/```/g)?.length ?? 0;
    if (fences % 2 === 1) {
      piece += '\n```';
      reopen = '```\n';
    } else {
      reopen = '';
    }
    if (piece.trim() !== '' && piece.trim() !== '```') pieces.push(piece);
  }
  return pieces;
}
