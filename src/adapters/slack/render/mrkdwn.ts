import { boundedMemo } from '../../../core/bounded-memo';
import { escapeText } from './escape';

const BOLD = '\u0001';

/** Converts the inline Markdown of one line (outside code) to Slack mrkdwn; the line is already escaped. */
function inline(line: string): string {
  // Every mark below needs one of these characters: most plan and answer lines have none. Each
  // pattern runs only when the text has its mark (plans are thousands of lines a burst).
  if (!/[[*_~]/.test(line)) return line;
  let out = line;
  if (out.includes('](')) {
    out = out.replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g,
      (_, label: string, url: string) => `<${url}|${label}>`,
    );
  }
  if (out.includes('**')) out = out.replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, `${BOLD}$1${BOLD}`);
  if (out.includes('__')) out = out.replace(/__(?=\S)([^_\n]*?\S)__/g, `${BOLD}$1${BOLD}`);
  if (out.includes('*')) out = out.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1_$2_');
  if (out.includes('~~')) out = out.replace(/~~(?=\S)([^~\n]*?\S)~~/g, '~$1~');
  return out.includes(BOLD) ? out.replaceAll(BOLD, '*') : out;
}

/** Converts one line outside code: headings to bold lines, list markers to bullets, inline marks. */
function line(text: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
  if (heading) {
    const title = inline(heading[1]!).replace(/^\*(.*)\*$/, '$1');
    return title ? `*${title}*` : '';
  }
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(text);
  if (bullet) return `${bullet[1]!.replace(/\t/g, '  ')}• ${inline(bullet[2]!)}`;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(text)) return '───';
  return inline(text);
}

/** One escaped line outside a fence: code spans keep their content, the text between them is converted. */
function convertLine(text: string): string {
  if (!text.includes('`')) return line(text);
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : i === 0 ? line(part) : inline(part)))
    .join('');
}

// A line's conversion depends on its text alone, and plans repeat most of theirs (every plan with a
// topic has its outcome, practice and source lines): short lines are converted once and remembered.
// A burst of 500 plans has 67,000 lines, 1,100 of them different, 98% of them up to 200 characters;
// at most 2,000 lines of at most 200 characters are kept (well under 2 MB), so long answer
// paragraphs never fill memory.
const REMEMBERED_LINE = 200;
const rememberedLine = boundedMemo<string>(2000);

function convertedLine(text: string): string {
  return text.length > REMEMBERED_LINE ? convertLine(text) : rememberedLine(text, () => convertLine(text));
}

/**
 * Markdown (as the knowledge is written) to Slack mrkdwn: text escaped first, then `**bold**` to
 * `*bold*`, `*italic*` to `_italic_`, `[label](url)` to `<url|label>`, headings to bold lines, list
 * markers to bullets. Code spans and fenced blocks are kept as they are (escaped only).
 *
 * @example
 * markdownToMrkdwn('**Go**: fast & <simple>'); // '*Go*: fast &amp; &lt;simple&gt;'
 */
export function markdownToMrkdwn(markdown: string): string {
  let inFence = false;
  return escapeText(markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown)
    .split('\n')
    .map((text) => {
      if (/^\s*(```|~~~)/.test(text)) {
        inFence = !inFence;
        return text.trim().slice(0, 3);
      }
      return inFence ? text : convertedLine(text);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The index of the last whitespace character of `text` (-1 if none), scanning from its end. */
function lastSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}

/** Plain text for a `text` fallback: mrkdwn marks stay (Slack renders them in notifications too). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = lastSpace(cut);
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  // Never leave half an entity or half a link behind.
  return `${head.replace(/&[a-z]*$/, '').replace(/<[^>]*$/, '')}…`;
}
