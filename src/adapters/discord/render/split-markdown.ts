/**
 * Splits Markdown into pieces that each fit a length limit (an embed description, a message), at the
 * cleanest boundary available, so no piece ends mid-word or inside Markdown markup.
 */

type Block = { kind: 'text'; text: string } | { kind: 'code'; open: string; close: string; lines: string[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Groups lines into paragraphs (separated by blank lines) and fenced code blocks. */
function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'text', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1]!;
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim().startsWith(marker)) body.push(lines[j++]!);
      blocks.push({ kind: 'code', open: line.trimStart(), close: marker, lines: body });
      i = j;
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Character ranges of inline markup (code spans, links, emphasis, strikethrough, spoilers). */
function markupRanges(line: string): [number, number][] {
  const ranges: [number, number][] = [];
  let masked = line;
  for (const m of line.matchAll(/(`+)(?:[\s\S]*?[^`])?\1(?!`)/g)) {
    ranges.push([m.index, m.index + m[0].length]);
    masked = masked.slice(0, m.index) + '\u0000'.repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  const patterns = [
    /!?\[[^\]\n]*\]\([^)\n]*\)/g,
    /\*\*(?!\s)[^*]+?\*\*/g,
    /__(?!\s)[^_]+?__/g,
    /(?<![*\w])\*(?![\s*])[^*]*?[^\s*]\*(?!\*)/g,
    /(?<![_\w])_(?![\s_])[^_]*?[^\s_]_(?![_\w])/g,
    /~~[^~]+?~~/g,
    /\|\|[^|]+?\|\|/g,
    /<[^<>\s]+>/g,
  ];
  for (const pattern of patterns) {
    for (const m of masked.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Splits one line at whitespace outside inline markup; the separators stay with the preceding word. */
function safeWords(line: string): string[] {
  const ranges = markupRanges(line);
  const inside = (i: number) => ranges.some(([a, b]) => i > a && i < b - 1);
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (/\s/.test(line[i]!) && !inside(i) && i > start && !/\s/.test(line[i + 1] ?? '')) {
      words.push(line.slice(start, i + 1));
      start = i + 1;
    }
  }
  words.push(line.slice(start));
  return words.filter((w) => w !== '');
}

/** Cuts text at a code-point boundary (for a single word longer than the limit: nothing else fits). */
function hardCut(text: string, limit: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** Joins pieces greedily into chunks of at most `limit`, splitting oversized pieces with `split`. */
function pack(pieces: string[], sep: string, limit: number, split: (piece: string) => string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : current + sep + piece;
    if (candidate.trimEnd().length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = '';
    if (piece.trimEnd().length <= limit) {
      current = piece;
    } else {
      const parts = split(piece);
      chunks.push(...parts.slice(0, -1));
      current = parts.at(-1) ?? '';
    }
  }
  if (current !== '') chunks.push(current);
  return chunks.map((c) => c.trimEnd()).filter((c) => c !== '');
}

/** A line too long for one chunk: by sentences, then by words outside markup, then by any whitespace. */
function splitLine(line: string, limit: number): string[] {
  const byWords = (text: string) =>
    pack(safeWords(text), '', limit, (word) =>
      pack(word.split(/(?<=\s)/), '', limit, (w) => hardCut(w, limit)),
    );
  const words = safeWords(line);
  const sentences: string[] = [];
  let sentence = '';
  for (const word of words) {
    sentence += word;
    if (/[.!?:;]["')\]]?\s+$/.test(word)) {
      sentences.push(sentence);
      sentence = '';
    }
  }
  if (sentence) sentences.push(sentence);
  return pack(sentences, '', limit, byWords);
}

function splitCode(block: Extract<Block, { kind: 'code' }>, limit: number): string[] {
  const whole = [block.open, ...block.lines, block.close].join('\n');
  if (whole.length <= limit) return [whole];
  const budget = limit - block.open.length - block.close.length - 2;
  if (budget < 20) return hardCut(whole, limit);
  const bodies = pack(block.lines, '\n', budget, (line) => splitLine(line, budget));
  return bodies.map((body) => `${block.open}\n${body}\n${block.close}`);
}

/**
 * Splits Markdown into chunks of at most `limit` characters, at the cleanest boundary available:
 * between paragraphs, then lines, then sentences, then words outside inline markup (bold, italics,
 * code spans, links, spoilers). A fenced code block that must be split is closed at the end of one
 * chunk and reopened, with its language, at the start of the next. Only a single word longer than the
 * limit is ever cut inside.
 *
 * @example
 * splitMarkdown('First paragraph.\n\nSecond paragraph.', 20); // ['First paragraph.', 'Second paragraph.']
 */
export function splitMarkdown(markdown: string, limit: number): string[] {
  if (limit < 1) throw new RangeError('splitMarkdown: limit must be positive');
  const chunks: string[] = [];
  let paragraphs: string[] = [];
  const flushParagraphs = () => {
    chunks.push(
      ...pack(paragraphs, '\n\n', limit, (text) =>
        pack(text.split('\n'), '\n', limit, (line) => splitLine(line, limit)),
      ),
    );
    paragraphs = [];
  };
  for (const block of toBlocks(markdown)) {
    const parts = block.kind === 'code' ? splitCode(block, limit) : [block.text];
    if (parts.length === 1) {
      paragraphs.push(parts[0]!);
      continue;
    }
    // The pieces of a split code block are sized already: they are chunks of their own.
    flushParagraphs();
    chunks.push(...parts);
  }
  flushParagraphs();
  return chunks;
}
